package dev.aidigest.channel.telegram;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.Reply;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Handles one Telegram update, from long polling or the webhook alike: commands go to the
 * {@link Conversation}, membership changes and group→supergroup migrations to {@link ChatEvents}.
 * An update id already handled (redelivery) is skipped.
 */
final class TelegramUpdates {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);
    /** The user Telegram shows for an anonymous group admin; the message's sender_chat is the group. */
    private static final long ANONYMOUS_ADMIN = 1087968824L;

    private static final Set<String> ADMIN_STATUSES = Set.of("creator", "administrator");

    private final TelegramClient client;
    private final Channel channel;
    private final Conversation conversation;
    private final ChatEvents chatEvents;

    TelegramUpdates(TelegramClient client, Channel channel, Conversation conversation, ChatEvents chatEvents) {
        this.client = client;
        this.channel = channel;
        this.conversation = conversation;
        this.chatEvents = chatEvents;
    }

    void handle(Update update) {
        try {
            if (update.getUpdateId() != null && !chatEvents.firstTime("telegram", update.getUpdateId())) {
                return;
            }
            if (update.getMyChatMember() != null) {
                membership(update.getMyChatMember());
            } else if (update.getMessage() != null) {
                message(update.getMessage());
            } else if (update.getCallbackQuery() != null) {
                callback(update.getCallbackQuery());
            }
        } catch (RuntimeException e) {
            log.warn("Telegram update {} failed", update.getUpdateId(), e);
        }
    }

    private void membership(ChatMemberUpdated m) {
        String status =
                m.getNewChatMember() == null ? "unknown" : m.getNewChatMember().getStatus();
        log.info(
                "bot is now {} in {} ({})",
                status,
                m.getChat().getId(),
                m.getChat().getTitle());
        chatEvents.botStatusChanged(ref(m.getChat()), m.getChat().getTitle(), status);
    }

    private void message(Message m) {
        ChatRef chat = ref(m.getChat());
        if (m.getMigrateToChatId() != null) {
            chatEvents.migrated(chat, String.valueOf(m.getMigrateToChatId()));
            return;
        }
        if (m.getText() == null || m.getFrom() == null) {
            return;
        }
        BooleanSupplier admin = () -> isAdmin(m.getChat(), m.getFrom(), m.getSenderChat());
        reply(
                chat,
                conversation.onText(chat, String.valueOf(m.getFrom().getId()), m.getText(), admin, lang(m.getFrom())));
    }

    private void callback(CallbackQuery q) {
        try {
            client.execute(
                    AnswerCallbackQuery.builder().callbackQueryId(q.getId()).build());
        } catch (TelegramApiException e) {
            log.debug("answerCallbackQuery failed: {}", e.getMessage());
        }
        if (q.getMessage() == null || q.getData() == null) {
            return;
        }
        Chat c = q.getMessage().getChat();
        ChatRef chat = ref(c);
        BooleanSupplier admin = () -> isAdmin(c, q.getFrom(), null);
        reply(
                chat,
                conversation.onAction(
                        chat, String.valueOf(q.getFrom().getId()), q.getData(), admin, lang(q.getFrom())));
    }

    private void reply(ChatRef chat, Optional<Reply> reply) {
        if (reply.isEmpty()) {
            return;
        }
        try {
            channel.sendAll(chat, reply.get());
        } catch (ChannelException e) {
            log.info("could not answer in {}: {}", chat.chatId(), e.getMessage());
        }
    }

    /** Asks Telegram (getChatMember) whether the user administers the chat. */
    private boolean isAdmin(Chat chat, User user, Chat senderChat) {
        if (user.getId() == ANONYMOUS_ADMIN
                && senderChat != null
                && senderChat.getId().equals(chat.getId())) {
            return true;
        }
        try {
            String status = client.execute(GetChatMember.builder()
                            .chatId(String.valueOf(chat.getId()))
                            .userId(user.getId())
                            .build())
                    .getStatus();
            return ADMIN_STATUSES.contains(status);
        } catch (TelegramApiException e) {
            log.info("getChatMember failed for {} in {}: {}", user.getId(), chat.getId(), e.getMessage());
            return false;
        }
    }

    static ChatRef ref(Chat chat) {
        return new ChatRef(
                "telegram",
                String.valueOf(chat.getId()),
                "private".equals(chat.getType()) ? ChatRef.Kind.PRIVATE : ChatRef.Kind.GROUP);
    }

    private static String lang(User u) {
        return u == null || u.getLanguageCode() == null ? "zh" : u.getLanguageCode();
    }
}
