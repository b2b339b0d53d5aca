package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.ReplayWindow;
import dev.aidigest.channel.Webhook;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * POST /webhooks/lark, Lark's event callback. Encrypted bodies are decrypted with the encrypt key;
 * the {@code url_verification} challenge is answered after its token is checked; every other event
 * must carry a valid {@code X-Lark-Signature} (when an encrypt key is set) and the verification
 * token, or it is answered 401; so is one whose request timestamp or event time lies outside the
 * {@link ReplayWindow}. What passes goes to {@link LarkIntake} (each {@code event_id} once, off the
 * request thread).
 */
final class LarkWebhook implements Webhook {

    /** An encrypted {@code url_verification} challenge, the one request Lark sends unsigned, is far smaller. */
    static final long UNSIGNED_BODY_BYTES = 4096;

    static final String TIMESTAMP = "x-lark-request-timestamp";
    static final String NONCE = "x-lark-request-nonce";
    static final String SIGNATURE = "x-lark-signature";

    private final String verificationToken;
    private final String encryptKey;
    private final ReplayWindow window;
    private final ObjectMapper json;
    private final LarkIntake intake;

    LarkWebhook(
            String verificationToken,
            String encryptKey,
            ReplayWindow window,
            ObjectMapper json,
            ChatEvents chatEvents,
            Executor executor,
            Consumer<JsonNode> handler) {
        this(verificationToken, encryptKey, window, json, new LarkIntake(chatEvents, executor, handler));
    }

    LarkWebhook(
            String verificationToken, String encryptKey, ReplayWindow window, ObjectMapper json, LarkIntake intake) {
        this.verificationToken = blankToNull(verificationToken);
        this.encryptKey = blankToNull(encryptKey);
        this.window = window;
        this.json = json;
        this.intake = intake;
    }

    @Override
    public String path() {
        return "/webhooks/lark";
    }

    /**
     * With an encrypt key, a signed request dated outside the replay window is refused before its
     * body is read; an unsigned one can only be the URL challenge and may send a few KiB.
     */
    @Override
    public Admission admit(Map<String, String> headers) {
        if (headers.containsKey(TIMESTAMP) && !fresh(headers)) {
            return Admission.refuse(error(401, "request timestamp outside the replay window"));
        }
        if (encryptKey != null && !headers.containsKey(SIGNATURE)) {
            return Admission.body(UNSIGNED_BODY_BYTES);
        }
        return Admission.body(MAX_BODY_BYTES);
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
        if ((headers.containsKey(TIMESTAMP) && !fresh(headers)) || !eventFresh(event)) {
            return error(401, "event outside the replay window");
        }
        intake.accept(event);
        return Response.ok();
    }

    private boolean fresh(Map<String, String> headers) {
        Instant at = ReplayWindow.epochSeconds(headers.get(TIMESTAMP));
        return at != null && window.holds(at);
    }

    /**
     * The event's own time: {@code header.create_time} (milliseconds) in schema 2.0, {@code ts}
     * (seconds) in 1.0. An event that carries one must be within the window; Lark's own retries
     * of an event older than that are refused with it (a chat command answered that late is stale).
     */
    private boolean eventFresh(JsonNode event) {
        String created = event.path("header").path("create_time").asText("");
        if (!created.isEmpty()) {
            Instant at = epoch(created);
            return at != null && window.holds(at);
        }
        String ts = event.path("ts").asText("");
        if (!ts.isEmpty()) {
            Instant at = ReplayWindow.epochSeconds(ts);
            return at != null && window.holds(at);
        }
        return true;
    }

    /** {@code create_time} is milliseconds in Lark's events, microseconds in its SDK's samples: told apart by size. */
    static Instant epoch(String digits) {
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long n = Long.parseLong(digits);
        if (n >= 100_000_000_000_000L) {
            return Instant.ofEpochMilli(n / 1000);
        }
        return n >= 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }

    private boolean signed(Map<String, String> headers, String body) {
        String ts = headers.get(TIMESTAMP);
        String nonce = headers.get(NONCE);
        String sig = headers.get(SIGNATURE);
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
