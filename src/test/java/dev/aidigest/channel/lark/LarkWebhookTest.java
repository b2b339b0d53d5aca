package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.ReplayWindow;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.LarkCallbacks;
import dev.aidigest.testing.TestClock;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The callback's gate: Lark's real encrypted vector, url_verification, signatures, tokens, retries. */
class LarkWebhookTest {

    static final ObjectMapper JSON = Jackson.json();
    final JsonNode vector = read("/fixtures/lark/lark_oapi_sdk_java_encrypted_event_vector.json");
    final String key = vector.get("encrypt_key").asText(); // 1212121212
    final String token = vector.get("verification_token").asText(); // v
    final List<JsonNode> handled = new ArrayList<>();
    final SeenEvents seen = new SeenEvents();
    final TestClock clock = new TestClock(Instant.parse("2025-11-26T08:00:00Z"));
    final LarkCallbacks lark = new LarkCallbacks(key, token, clock);

    LarkWebhook webhook(String verificationToken, String encryptKey) {
        return new LarkWebhook(
                verificationToken, encryptKey, new ReplayWindow(clock), JSON, seen, Runnable::run, handled::add);
    }

    @Test
    void decryptsTheSdkTestVectorToItsExpectedPlaintext() throws Exception {
        String plain = LarkCrypto.decrypt(
                key, vector.get("encrypted_body").get("encrypt").asText());
        assertThat(plain).isEqualTo(vector.get("expected_plaintext").asText());
    }

    @Test
    void aWrongEncryptKeyDoesNotDecrypt() {
        assertThatThrownBy(() -> LarkCrypto.decrypt(
                        "not-the-key",
                        vector.get("encrypted_body").get("encrypt").asText()))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void answersUrlVerificationWithTheChallengeWhenTheTokenMatches() {
        var r = webhook(token, null)
                .handle(
                        Map.of(),
                        vector.get("plain_url_verification_body_from_TestEventDispatcher")
                                .asText());
        assertThat(r.status()).isEqualTo(200);
        assertThat(read(r.body()).get("challenge").asText()).isEqualTo("1212");
    }

    @Test
    void answersAnEncryptedUrlVerification() {
        String challenge = JSON.createObjectNode()
                .put("challenge", "ajls384kdjx98XX")
                .put("token", token)
                .put("type", "url_verification")
                .toString();
        String body =
                JSON.createObjectNode().put("encrypt", lark.encrypt(challenge)).toString();
        var r = webhook(token, key).handle(Map.of(), body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(read(r.body()).get("challenge").asText()).isEqualTo("ajls384kdjx98XX");
        assertThat(handled).isEmpty();
    }

    @Test
    void refusesUrlVerificationWithAnotherToken() {
        var r = webhook("other-token", null)
                .handle(
                        Map.of(),
                        vector.get("plain_url_verification_body_from_TestEventDispatcher")
                                .asText());
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void acceptsTheRealEncryptedBodyWhenSignedAndHandsOnItsPlaintext() {
        clock.set(Instant.ofEpochSecond(1603977298)); // the vector's create_time (microseconds in the SDK's sample)
        String body = vector.get("encrypted_body").toString();
        String ts = "1603977298";
        String nonce = "nonce";
        var r = webhook(token, key)
                .handle(
                        Map.of(
                                "x-lark-request-timestamp",
                                ts,
                                "x-lark-request-nonce",
                                nonce,
                                "x-lark-signature",
                                lark.signature(ts, nonce, body)),
                        body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(handled).singleElement().satisfies(e -> assertThat(
                        e.get("header").get("event_type").asText())
                .isEqualTo("contact.user.created_v3"));
    }

    @Test
    void rejectsAnUnsignedEncryptedEvent() {
        var r = webhook(token, key)
                .handle(Map.of(), vector.get("encrypted_body").toString());
        assertThat(r.status()).isEqualTo(401);
        assertThat(handled).isEmpty();
    }

    @Test
    void rejectsAForgedSignature() {
        var signed = lark.signed(lark.message("e1", "oc_1", "group", "ou_a", "@_user_1 /latest"));
        Map<String, String> headers = new HashMap<>(signed.headers());
        headers.put("x-lark-signature", "0".repeat(64));
        assertThat(webhook(token, key).handle(headers, signed.body()).status()).isEqualTo(401);
        assertThat(handled).isEmpty();
    }

    @Test
    void rejectsABodyEncryptedWithAnotherKeyEvenIfSignedWithIt() {
        LarkCallbacks forger = new LarkCallbacks("guessed-key", token);
        var signed = forger.signed(forger.message("e2", "oc_1", "group", "ou_a", "/subscribe"));
        assertThat(webhook(token, key).handle(signed.headers(), signed.body()).status())
                .isEqualTo(401);
    }

    @Test
    void rejectsPlaintextEventsWhenAnEncryptKeyIsConfigured() {
        String plain = lark.message("e3", "oc_1", "group", "ou_a", "/subscribe");
        assertThat(webhook(token, key).handle(Map.of(), plain).status()).isEqualTo(401);
    }

    @Test
    void rejectsAWrongVerificationTokenWithoutEncryption() {
        String forged = new LarkCallbacks(key, "guess").message("e4", "oc_1", "group", "ou_a", "/subscribe");
        assertThat(webhook(token, null).handle(Map.of(), forged).status()).isEqualTo(401);
        assertThat(webhook(token, null).handle(Map.of(), "not json").status()).isEqualTo(400);
        assertThat(handled).isEmpty();
    }

    @Test
    void handlesARetriedEventOnce() {
        var signed = lark.signed(lark.message("f7984f25108f8137722bb63cee927e66", "oc_1", "group", "ou_a", "/latest"));
        LarkWebhook w = webhook(token, key);
        assertThat(w.handle(signed.headers(), signed.body()).status()).isEqualTo(200);
        var again = lark.signed(lark.message("f7984f25108f8137722bb63cee927e66", "oc_1", "group", "ou_a", "/latest"));
        assertThat(w.handle(again.headers(), again.body()).status()).isEqualTo(200);
        assertThat(handled).hasSize(1);
        assertThat(seen.keys).containsExactly(LarkWebhook.key("f7984f25108f8137722bb63cee927e66"));
    }

    @Test
    void refusesASignedEventReplayedAfterTheWindowEvenWithANewEventId() {
        var captured = lark.signed(lark.message("e-old", "oc_1", "group", "ou_a", "/subscribe"));
        LarkWebhook w = webhook(token, key);
        clock.advance(Duration.ofMinutes(6));
        assertThat(w.admit(captured.headers()).refused()).isTrue(); // before any of the body is read
        assertThat(w.admit(captured.headers()).refusal().status()).isEqualTo(401);
        assertThat(w.handle(captured.headers(), captured.body()).status()).isEqualTo(401);
        assertThat(handled).isEmpty();
        assertThat(seen.keys).isEmpty();
    }

    @Test
    void refusesAnEventWhoseOwnTimeIsOldThoughTheRequestIsFresh() {
        String old = lark.message("e-new-id", "oc_1", "group", "ou_a", "/subscribe");
        clock.advance(Duration.ofMinutes(30));
        var signed = lark.signed(old); // signed now, the event inside is 30 minutes old
        assertThat(webhook(token, key).admit(signed.headers()).refused()).isFalse();
        assertThat(webhook(token, key).handle(signed.headers(), signed.body()).status())
                .isEqualTo(401);
        assertThat(webhook(token, null).handle(Map.of(), old).status()).isEqualTo(401);
        assertThat(handled).isEmpty();
    }

    @Test
    void acceptsAnEventFromAFewMinutesAgoAndOnlyOnce() {
        String event = lark.message("e-recent", "oc_1", "group", "ou_a", "/latest");
        clock.advance(Duration.ofMinutes(4));
        var signed = lark.signed(event);
        LarkWebhook w = webhook(token, key);
        assertThat(w.handle(signed.headers(), signed.body()).status()).isEqualTo(200);
        assertThat(w.handle(signed.headers(), signed.body()).status()).isEqualTo(200);
        assertThat(handled).hasSize(1);
    }

    @Test
    void anUnsignedRequestMayOnlySendAChallengeSizedBody() {
        LarkWebhook w = webhook(token, key);
        assertThat(w.admit(Map.of()).maxBodyBytes()).isEqualTo(LarkWebhook.UNSIGNED_BODY_BYTES);
        var signed = lark.signed(lark.message("e5", "oc_1", "group", "ou_a", "/latest"));
        assertThat(w.admit(signed.headers()).maxBodyBytes()).isGreaterThan(LarkWebhook.UNSIGNED_BODY_BYTES);
    }

    static JsonNode read(String resourceOrJson) {
        try {
            if (resourceOrJson.startsWith("/")) {
                try (InputStream in = LarkWebhookTest.class.getResourceAsStream(resourceOrJson)) {
                    return JSON.readTree(in);
                }
            }
            return JSON.readTree(resourceOrJson);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Remembers update keys like the processed_update table. */
    static final class SeenEvents implements ChatEvents {
        final Set<Long> keys = new HashSet<>();

        @Override
        public void botStatusChanged(ChatRef chat, String title, String status) {}

        @Override
        public void migrated(ChatRef from, String newChatId) {}

        @Override
        public synchronized boolean firstTime(String platform, long updateId) {
            return keys.add(updateId);
        }
    }
}
