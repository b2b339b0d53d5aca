package dev.aidigest.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidigest.channel.ReplayWindow;
import dev.aidigest.channel.Webhook;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.DiscordSigner;
import dev.aidigest.testing.FakeDiscordApi;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of POST /webhooks/discord with a correct signature over whatever body:
 * the interaction parser and the command path answer 200, 400 or 409 and throw nothing. Runs its
 * seed corpus ({@code DiscordInteractionFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DiscordInteractionFuzzTest {

    static final FakeDiscordApi API = new FakeDiscordApi();
    static final ChatBackend BACKEND = new ChatBackend();
    static final DiscordSigner SIGNER = new DiscordSigner();
    static final ScheduledExecutorService POOL = Executors.newScheduledThreadPool(2);
    static final DiscordJson JSON = new DiscordJson(Jackson.json());
    static final DiscordInteractions WEBHOOK = new DiscordInteractions(
            new DiscordSignature(SIGNER.publicKeyHex()),
            new ReplayWindow(Clock.systemUTC()),
            BACKEND.chats,
            JSON,
            BACKEND.router,
            new DiscordWebhooks(new OkHttpClient(), API.apiUrl(), JSON),
            POOL,
            Duration.ofSeconds(2));

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
        API.close();
        BACKEND.close();
    }

    @FuzzTest(maxDuration = "30s")
    void anySignedBodyIsHandledOrRefused(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        BACKEND.forgetHandledUpdates(); // a seed handled once must not make every later input a duplicate
        Webhook.Response r = WEBHOOK.handle(SIGNER.headers(body), body);
        assertThat(r.status()).isIn(200, 400, 409);
    }
}
