package dev.aidigest.channel;

/**
 * What a channel adapter learns about chats outside of commands: the bot was added, removed or
 * promoted, or a group changed id. Implemented by {@code store.ChatStore}.
 */
public interface ChatEvents {

    /**
     * The bot's membership in a chat changed ({@code member}, {@code administrator}, {@code left},
     * {@code kicked}, ...). Leaving or being kicked deactivates the chat's subscription.
     */
    void botStatusChanged(ChatRef chat, String title, String status);

    /** A group became a supergroup with a new id; its subscription and follows move with it. */
    void migrated(ChatRef from, String newChatId);

    /**
     * Records that an incoming update was handled; false when it had been handled before (webhook
     * retry, redelivery after a crash), so the caller skips it.
     */
    boolean firstTime(String platform, long updateId);
}
