package dev.aidigest.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.json.Jackson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds event callbacks as Lark sends them (schema 2.0 envelopes), encrypted with the app's
 * encrypt key and signed with the {@code X-Lark-*} headers; written independently of the adapter
 * (encryption is the reverse of what the fixture vector proves).
 */
public final class LarkCallbacks {

    private final ObjectMapper json = Jackson.json();
    private final String encryptKey;
    private final String verificationToken;

    private final Clock clock;

    public LarkCallbacks(String encryptKey, String verificationToken) {
        this(encryptKey, verificationToken, Clock.systemUTC());
    }

    /** @param clock the events' {@code create_time} and the requests' timestamp are now on it */
    public LarkCallbacks(String encryptKey, String verificationToken, Clock clock) {
        this.clock = clock;
        this.encryptKey = encryptKey;
        this.verificationToken = verificationToken;
    }

    /** A signed request: the headers (lower case) and the encrypted body. */
    public record Signed(Map<String, String> headers, String body) {}

    /** {@code im.message.receive_v1}: a text message; {@code @_user_1} in it is a mention of the bot. */
    public String message(String eventId, String chatId, String chatType, String openId, String text) {
        ObjectNode root = envelope(eventId, "im.message.receive_v1");
        ObjectNode event = root.putObject("event");
        ObjectNode sender = event.putObject("sender");
        sender.putObject("sender_id")
                .put("open_id", openId)
                .put("union_id", "on_" + openId.substring(3))
                .put("user_id", "u" + openId.hashCode());
        sender.put("sender_type", "user").put("tenant_key", "736588c9260f175d");
        ObjectNode m = event.putObject("message");
        m.put("message_id", "om_" + eventId)
                .put("root_id", "")
                .put("parent_id", "")
                .put("create_time", String.valueOf(clock.millis()))
                .put("chat_id", chatId)
                .put("chat_type", chatType)
                .put("message_type", "text")
                .put("content", json.createObjectNode().put("text", text).toString());
        if (text.contains("@_user_1")) {
            ObjectNode mention = m.putArray("mentions")
                    .addObject()
                    .put("key", "@_user_1")
                    .put("name", "AI 速递")
                    .put("tenant_key", "736588c9260f175d");
            mention.putObject("id")
                    .put("open_id", FakeLarkOpenApi.BOT_OPEN_ID)
                    .put("union_id", "on_bot")
                    .put("user_id", "");
        }
        return root.toString();
    }

    /** {@code im.chat.member.bot.deleted_v1}: the bot was removed from a group. */
    public String botRemoved(String eventId, String chatId) {
        ObjectNode root = envelope(eventId, "im.chat.member.bot.deleted_v1");
        ObjectNode event = root.putObject("event")
                .put("chat_id", chatId)
                .put("name", "AI 群")
                .put("external", false);
        event.putObject("operator_id").put("open_id", "ou_owner");
        return root.toString();
    }

    /** {@code card.action.trigger}: a card button pressed. */
    public String buttonPressed(String eventId, String chatId, String openId, String action) {
        ObjectNode root = envelope(eventId, "card.action.trigger");
        ObjectNode event = root.putObject("event");
        event.putObject("operator").put("open_id", openId);
        event.putObject("action")
                .put("tag", "button")
                .putObject("value")
                .put("action", action)
                .put("chat_kind", "group");
        event.putObject("context").put("open_chat_id", chatId).put("open_message_id", "om_x");
        return root.toString();
    }

    private ObjectNode envelope(String eventId, String type) {
        ObjectNode root = json.createObjectNode().put("schema", "2.0");
        root.putObject("header")
                .put("event_id", eventId)
                .put("event_type", type)
                .put("create_time", String.valueOf(clock.millis()))
                .put("token", verificationToken)
                .put("app_id", FakeLarkOpenApi.APP_ID)
                .put("tenant_key", "736588c9260f175d");
        return root;
    }

    /** Encrypts and signs a plaintext event as Lark does when an encrypt key is configured. */
    public Signed signed(String plaintext) {
        String body = json.createObjectNode().put("encrypt", encrypt(plaintext)).toString();
        String ts = String.valueOf(clock.millis() / 1000);
        String nonce = UUID.randomUUID().toString();
        return new Signed(
                Map.of(
                        "x-lark-request-timestamp",
                        ts,
                        "x-lark-request-nonce",
                        nonce,
                        "x-lark-signature",
                        signature(ts, nonce, body),
                        "content-type",
                        "application/json"),
                body);
    }

    public String signature(String ts, String nonce, String body) {
        return HexFormat.of().formatHex(sha256((ts + nonce + encryptKey + body).getBytes(StandardCharsets.UTF_8)));
    }

    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[16];
            new SecureRandom().nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(sha256(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES"),
                    new IvParameterSpec(iv));
            byte[] enc = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[16 + enc.length];
            System.arraycopy(iv, 0, all, 0, 16);
            System.arraycopy(enc, 0, all, 16, enc.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
