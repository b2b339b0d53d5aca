package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.Webhook;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * POST /webhooks/lark, Lark's event callback. Encrypted bodies are decrypted with the encrypt key;
 * the {@code url_verification} challenge is answered after its token is checked; every other event
 * must carry a valid {@code X-Lark-Signature} (when an encrypt key is set) and the verification
 * token, or it is answered 401. What passes goes to {@link LarkIntake} (each {@code event_id} once,
 * off the request thread).
 */
final class LarkWebhook implements Webhook {

    private final String verificationToken;
    private final String encryptKey;
    private final ObjectMapper json;
    private final LarkIntake intake;

    LarkWebhook(
            String verificationToken,
            String encryptKey,
            ObjectMapper json,
            ChatEvents chatEvents,
            Executor executor,
            Consumer<JsonNode> handler) {
        this(verificationToken, encryptKey, json, new LarkIntake(chatEvents, executor, handler));
    }

    LarkWebhook(String verificationToken, String encryptKey, ObjectMapper json, LarkIntake intake) {
        this.verificationToken = blankToNull(verificationToken);
        this.encryptKey = blankToNull(encryptKey);
        this.json = json;
        this.intake = intake;
    }

    @Override
    public String path() {
        return "/webhooks/lark";
    }

    @Override
    public Response handle(Map<String, String> headers, String body) {
        JsonNode root = parse(body);
        if (root == null) {
            return error(400, "not JSON");
        }
        JsonNode event = root;
        if (root.has("encrypt")) {
            if (encryptKey == null) {
                return error(400, "encrypted body but no encrypt key configured");
            }
            try {
                event = parse(LarkCrypto.decrypt(encryptKey, root.get("encrypt").asText()));
            } catch (GeneralSecurityException e) {
                return error(401, "cannot decrypt");
            }
            if (event == null) {
                return error(401, "cannot decrypt");
            }
        } else if (encryptKey != null) {
            return error(401, "expected an encrypted body");
        }
        if ("url_verification".equals(event.path("type").asText())) {
            return tokenOk(event)
                    ? new Response(
                            200,
                            "application/json",
                            json.createObjectNode()
                                    .put("challenge", event.path("challenge").asText())
                                    .toString())
                    : error(401, "wrong token");
        }
        if (encryptKey != null && !signed(headers, body)) {
            return error(401, "wrong or missing signature");
        }
        if (!tokenOk(event)) {
            return error(401, "wrong token");
        }
        intake.accept(event);
        return Response.ok();
    }

    private boolean signed(Map<String, String> headers, String body) {
        String ts = headers.get("x-lark-request-timestamp");
        String nonce = headers.get("x-lark-request-nonce");
        String sig = headers.get("x-lark-signature");
        return ts != null && nonce != null && LarkCrypto.same(LarkCrypto.signature(ts, nonce, encryptKey, body), sig);
    }

    /** Schema 2.0 carries the token in {@code header.token}, schema 1.0 and the challenge at the top. */
    private boolean tokenOk(JsonNode event) {
        if (verificationToken == null) {
            return encryptKey != null; // then the key (decryption and signature) is the proof
        }
        String given =
                event.path("header").path("token").asText(event.path("token").asText(""));
        return MessageDigest.isEqual(
                verificationToken.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Event ids are 32 hex characters; the processed-update table keys on a long: 64 bits of SHA-256. */
    static long key(String eventId) {
        return ByteBuffer.wrap(LarkCrypto.sha256(eventId)).getLong();
    }

    private JsonNode parse(String s) {
        try {
            JsonNode n = s == null || s.isBlank() ? null : json.readTree(s);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Response error(int status, String why) {
        return new Response(
                status,
                "application/json",
                json.createObjectNode().put("error", why).toString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
