package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.Reply;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one verified Lark event (schema 2.0): a text message to the bot becomes a command for the
 * {@link Conversation} ({@code @bot /latest} in a group, {@code /latest} or {@code latest} in a
 * one-to-one chat), a card button press an action, and the bot being added to or removed from a
 * group (or the group disbanded) a membership change for {@link ChatEvents}.
 */
final class LarkEvents {

    private static final Logger log = LoggerFactory.getLogger(LarkEvents.class);
    /** Lark replaces each mention in the text by a key like {@code @_user_1}. */
    private static final Pattern MENTION = Pattern.compile("@_(user_\\d+|all)");

    private final LarkApi api;
    private final Channel channel;
    private final Conversation conversation;
    private final ChatEvents chatEvents;
    private volatile String botOpenId;

    LarkEvents(LarkApi api, Channel channel, Conversation conversation, ChatEvents chatEvents) {
        this.api = api;
        this.channel = channel;
        this.conversation = conversation;
        this.chatEvents = chatEvents;
    }

    /** Learned at start (bot info), so only mentions of this bot count as addressing it. */
    void botOpenId(String openId) {
        this.botOpenId = openId;
    }

    void handle(JsonNode envelope) {
        String type = envelope.path("header").path("event_type").asText("");
        JsonNode event = envelope.path("event");
        try {
            switch (type) {
                case "im.message.receive_v1" -> message(event);
                case "card.action.trigger" -> action(event);
                case "im.chat.member.bot.added_v1" -> membership(event, "member");
                case "im.chat.member.bot.deleted_v1" -> membership(event, "kicked");
                case "im.chat.disbanded_v1" -> membership(event, "kicked");
                default -> log.debug("ignoring Lark event {}", type);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Lark event {} ({}) failed",
                    envelope.path("header").path("event_id").asText(),
                    type,
                    e);
        }
    }

    private void message(JsonNode event) {
        JsonNode m = event.path("message");
        if (!"text".equals(m.path("message_type").asText())
                || !"user".equals(event.path("sender").path("sender_type").asText("user"))) {
            return;
        }
        String text;
        try {
            text = api.json()
                    .readTree(m.path("content").asText("{}"))
                    .path("text")
                    .asText("");
        } catch (IOException e) {
            log.info("Lark message content is not JSON: {}", e.getMessage());
            return;
        }
        ChatRef chat = ref(m.path("chat_id").asText(), m.path("chat_type").asText());
        String user = event.path("sender").path("sender_id").path("open_id").asText();
        BooleanSupplier admin = () -> isAdmin(chat.chatId(), user);
        boolean addressed = !chat.isGroup() || mentionsBot(m.path("mentions"));
        reply(chat, conversation.onText(chat, user, command(text, addressed), admin, "zh"));
    }

    private boolean mentionsBot(JsonNode mentions) {
        for (JsonNode mention : mentions) {
            String id = mention.path("id").path("open_id").asText("");
            if (botOpenId == null ? !id.isEmpty() : botOpenId.equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text without mentions. When the message is addressed to the bot (a direct message, or
     * {@code @bot latest} in a group) a bare command word gets its slash; other group chatter that
     * happens to start with a command word stays chatter.
     */
    String command(String text, boolean addressed) {
        String t = MENTION.matcher(text).replaceAll(" ").trim().replaceAll("\\s+", " ");
        if (t.startsWith("/") || t.isEmpty() || !addressed) {
            return t;
        }
        String first = t.split(" ", 2)[0];
        boolean known = conversation.commands().stream().anyMatch(c -> c.name().equalsIgnoreCase(first));
        return known ? "/" + t : t;
    }

    private void action(JsonNode event) {
        JsonNode value = event.path("action").path("value");
        String chatId = event.path("context").path("open_chat_id").asText("");
        String user = event.path("operator").path("open_id").asText("");
        if (chatId.isEmpty() || !value.hasNonNull("action")) {
            return;
        }
        ChatRef chat = ref(chatId, value.path("chat_kind").asText("group"));
        reply(chat, conversation.onAction(chat, user, value.get("action").asText(), () -> isAdmin(chatId, user), "zh"));
    }

    private void membership(JsonNode event, String status) {
        String chatId = event.path("chat_id").asText("");
        if (chatId.isEmpty()) {
            return;
        }
        log.info(
                "Lark bot is now {} in {} ({})",
                status,
                chatId,
                event.path("name").asText(""));
        chatEvents.botStatusChanged(ref(chatId, "group"), event.path("name").asText(null), status);
    }

    private void reply(ChatRef chat, Optional<Reply> reply) {
        if (reply.isEmpty()) {
            return;
        }
        try {
            channel.sendAll(chat, reply.get());
        } catch (ChannelException e) {
            log.info("could not answer in Lark chat {}: {}", chat.chatId(), e.getMessage());
        }
    }

    /** Group owner or one of the group's admins, from {@code GET /open-apis/im/v1/chats/:chat_id}. */
    boolean isAdmin(String chatId, String openId) {
        try {
            JsonNode data = api.get("/open-apis/im/v1/chats/" + chatId + "?user_id_type=open_id")
                    .path("data");
            if (openId.equals(data.path("owner_id").asText())) {
                return true;
            }
            for (JsonNode id : data.path("user_manager_id_list")) {
                if (openId.equals(id.asText())) {
                    return true;
                }
            }
            return false;
        } catch (ChannelException e) {
            log.info("Lark chat lookup failed for {} in {}: {}", openId, chatId, e.getMessage());
            return false;
        }
    }

    static ChatRef ref(String chatId, String chatType) {
        return new ChatRef("lark", chatId, "p2p".equals(chatType) ? ChatRef.Kind.PRIVATE : ChatRef.Kind.GROUP);
    }
}
