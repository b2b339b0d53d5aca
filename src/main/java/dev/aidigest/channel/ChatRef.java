package dev.aidigest.channel;

import java.util.Objects;

/**
 * A chat on some platform, as the core knows it: never a vendor type.
 *
 * @param platform {@code telegram}, {@code discord}, {@code lark}
 * @param chatId   the platform's id of the chat, as text (Telegram ids are signed 64-bit)
 */
public record ChatRef(String platform, String chatId, Kind kind) {

    /** Group chats need an admin to change subscriptions; private chats belong to their person. */
    public enum Kind {
        GROUP,
        PRIVATE
    }

    public ChatRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }
}
