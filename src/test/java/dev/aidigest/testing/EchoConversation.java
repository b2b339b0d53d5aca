package dev.aidigest.testing;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.Reply;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** A Conversation that answers every command with its own text and ignores other messages. */
public final class EchoConversation implements Conversation {

    @Override
    public List<CommandInfo> commands() {
        return List.of();
    }

    @Override
    public void knownAs(String platform, String botName) {}

    @Override
    public Optional<Reply> onText(ChatRef chat, String userId, String text, BooleanSupplier isAdmin, String locale) {
        return text.startsWith("/") ? Optional.of(Reply.text(text)) : Optional.empty();
    }

    @Override
    public Optional<Reply> onAction(
            ChatRef chat, String userId, String action, BooleanSupplier isAdmin, String locale) {
        return Optional.of(Reply.text(action));
    }
}
