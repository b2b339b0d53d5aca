package dev.aidigest.web;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.Reply;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The command router with each answered command and button timed for /metrics. */
public final class TimedConversation implements Conversation {

    private final Conversation inner;
    private final Timer timer;

    public TimedConversation(Conversation inner, Timer timer) {
        this.inner = inner;
        this.timer = timer;
    }

    @Override
    public List<CommandInfo> commands() {
        return inner.commands();
    }

    @Override
    public void knownAs(String platform, String botName) {
        inner.knownAs(platform, botName);
    }

    @Override
    public Optional<Reply> onText(ChatRef chat, String userId, String text, BooleanSupplier isAdmin, String locale) {
        return timed(() -> inner.onText(chat, userId, text, isAdmin, locale));
    }

    @Override
    public Optional<Reply> onAction(
            ChatRef chat, String userId, String action, BooleanSupplier isAdmin, String locale) {
        return timed(() -> inner.onAction(chat, userId, action, isAdmin, locale));
    }

    /** Only answered messages count: chatter that is not a command would drown the latency of commands. */
    private Optional<Reply> timed(java.util.function.Supplier<Optional<Reply>> call) {
        Timer.Sample sample = Timer.start();
        Optional<Reply> reply = call.get();
        if (reply.isPresent()) {
            sample.stop(timer);
        }
        return reply;
    }
}
