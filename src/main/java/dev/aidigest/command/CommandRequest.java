package dev.aidigest.command;

import dev.aidigest.channel.ChatRef;
import java.util.function.BooleanSupplier;

/**
 * A command as a user sent it, platform-neutral.
 *
 * @param userId  the sender's platform id
 * @param args    everything after the command name, trimmed
 * @param page    1 unless the user pressed a "更多" button
 * @param isAdmin asks the platform whether the sender administers the chat; called only when needed
 * @param locale  the user's language code ("zh", "en", ...); replies are in Chinese regardless
 */
public record CommandRequest(
        ChatRef chat, String userId, String args, int page, BooleanSupplier isAdmin, String locale) {

    public CommandRequest {
        args = args == null ? "" : args.trim();
        page = Math.max(1, page);
    }

    public boolean hasArgs() {
        return !args.isEmpty();
    }
}
