package dev.aidigest.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.Webhook;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.FakeTelegramBotApi;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of POST /webhooks/telegram with the right secret: whatever the body, the
 * update parser and the update handler answer 200 or 400 and throw nothing. Runs its seed corpus
 * ({@code TelegramUpdateFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TelegramUpdateFuzzTest {

    static final String SECRET = "fuzz-secret";
    static final FakeTelegramBotApi API = new FakeTelegramBotApi();
    static final ChatBackend BACKEND = new ChatBackend();
    static final Webhook WEBHOOK = new TelegramBot(
                    new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, API.url(), SECRET),
                    BACKEND.router,
                    BACKEND.chats,
                    new Throttle(100_000, 0, 100_000))
            .webhook()
            .orElseThrow();

    @AfterAll
    static void stop() {
        API.close();
        BACKEND.close();
    }

    @FuzzTest(maxDuration = "30s")
    void anyBodyIsHandledOrRefused(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        BACKEND.forgetHandledUpdates(); // a seed handled once must not make every later input a duplicate
        Webhook.Response r = WEBHOOK.handle(Map.of(TelegramWebhook.SECRET_HEADER, SECRET), body);
        assertThat(r.status()).isIn(200, 400);
    }
}
