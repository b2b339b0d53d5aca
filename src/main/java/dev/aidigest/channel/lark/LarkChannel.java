package dev.aidigest.channel.lark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Throttle;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Reply}s to Lark chats (groups and one-to-one chats alike are {@code oc_} chat ids)
 * as interactive cards through {@code POST /open-apis/im/v1/messages}, paced by Lark's limits. A
 * card Lark refuses is resent once as plain text, which Lark accepts up to 150 KB.
 */
public final class LarkChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(LarkChannel.class);
    private static final String SEND = "/open-apis/im/v1/messages?receive_id_type=chat_id";

    private final LarkApi api;
    private final LarkCards cards;
    private final Throttle throttle;

    LarkChannel(LarkApi api, Throttle throttle) {
        this.api = api;
        this.cards = new LarkCards(api.json());
        this.throttle = throttle;
    }

    /**
     * Lark's published limits for sending: 1000 calls a minute (about 16 a second) per app, and 5 a
     * second to one chat, shared by the bots in it.
     */
    public static Throttle larkLimits() {
        return new Throttle(16, 200, 300);
    }

    @Override
    public String platform() {
        return "lark";
    }

    @Override
    public java.time.Duration pace(ChatRef chat) {
        return throttle.pace(chat.isGroup());
    }

    @Override
    public List<Reply> split(Reply reply) {
        return cards.split(reply, LarkCards.LIMIT);
    }

    @Override
    public String send(ChatRef chat, Reply part) throws ChannelException {
        String kind = chat.isGroup() ? "group" : "p2p";
        try {
            return post(chat, "interactive", write(cards.card(part, kind)));
        } catch (ChannelException.BadFormat e) {
            log.warn("Lark refused our card for {} ({}); resending as plain text", chat.chatId(), e.getMessage());
            return post(chat, "text", write(api.json().createObjectNode().put("text", part.plainText())));
        }
    }

    private String post(ChatRef chat, String msgType, String content) throws ChannelException {
        ObjectNode body = api.json()
                .createObjectNode()
                .put("receive_id", chat.chatId())
                .put("msg_type", msgType)
                .put("content", content);
        try {
            throttle.acquire(chat.chatId(), chat.isGroup());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted before sending", e);
        }
        try {
            JsonNode answer = api.post(SEND, body);
            return answer.path("data").path("message_id").asText("");
        } finally {
            throttle.answered(chat.chatId());
        }
    }

    private String write(ObjectNode n) {
        try {
            return api.json().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
