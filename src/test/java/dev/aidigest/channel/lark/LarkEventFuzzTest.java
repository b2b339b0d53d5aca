package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.ReplayWindow;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.Webhook;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.LarkCallbacks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of POST /webhooks/lark: each input goes in as a raw body (decryption of
 * whatever {@code encrypt} holds) and as a plaintext that Lark's side encrypts and signs (so the
 * event parser and handler see it). Either way the answer is 200, 400 or 401 and nothing throws.
 * Runs its seed corpus ({@code LarkEventFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class LarkEventFuzzTest {

    static final String KEY = "1212121212";
    static final String TOKEN = "v";
    static final FakeLarkOpenApi API = new FakeLarkOpenApi();
    static final ChatBackend BACKEND = new ChatBackend();
    static final LarkCallbacks LARK = new LarkCallbacks(KEY, TOKEN, BACKEND.clock);
    static final ObjectMapper JSON = Jackson.lenientJson();
    static final LarkApi REST = new LarkApi(
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build(),
            API.url(),
            FakeLarkOpenApi.APP_ID,
            FakeLarkOpenApi.APP_SECRET,
            BACKEND.clock,
            JSON);
    static final LarkEvents EVENTS = new LarkEvents(
            REST, new LarkChannel(REST, new Throttle(100_000, 0, 100_000)), BACKEND.router, BACKEND.chats);
    static final LarkWebhook WEBHOOK = new LarkWebhook(
            TOKEN, KEY, new ReplayWindow(BACKEND.clock), JSON, BACKEND.chats, Runnable::run, EVENTS::handle);

    @AfterAll
    static void stop() {
        API.close();
        BACKEND.close();
    }

    @FuzzTest(maxDuration = "30s")
    void anyBodyOrEncryptedEventIsHandledOrRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        BACKEND.forgetHandledUpdates(); // a seed handled once must not make every later input a duplicate
        Webhook.Response raw = WEBHOOK.handle(Map.of(), text);
        assertThat(raw.status()).isIn(200, 400, 401);
        LarkCallbacks.Signed signed = LARK.signed(text);
        Webhook.Response decrypted = WEBHOOK.handle(signed.headers(), signed.body());
        assertThat(decrypted.status()).isIn(200, 400, 401);
    }
}
