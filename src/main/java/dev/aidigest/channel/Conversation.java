package dev.aidigest.channel;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a channel adapter hands incoming chat messages to (implemented by the command router), so
 * adapters never depend on the command layer itself.
 */
public interface Conversation {

    /** A command as the platform should register it (Telegram setMyCommands, Discord slash commands). */
    record CommandInfo(String name, String args, String helpZh, String helpEn) {}

    /** The command set, in registration order. */
    List<CommandInfo> commands();

    /** Tells the router this bot's user name on a platform, so {@code /cmd@OtherBot} is ignored. */
    void knownAs(String platform, String botName);

    /**
     * A text message; empty when it needs no answer (not a command, or for another bot).
     *
     * @param isAdmin asks the platform whether the sender administers the chat; called only if needed
     */
    Optional<Reply> onText(ChatRef chat, String userId, String text, BooleanSupplier isAdmin, String locale);

    /** A button press carrying a {@link Reply.Button#action()}. */
    Optional<Reply> onAction(ChatRef chat, String userId, String action, BooleanSupplier isAdmin, String locale);
}
