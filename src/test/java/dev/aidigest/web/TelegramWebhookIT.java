package dev.aidigest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.ServeWiring;
import dev.aidigest.schedule.ReportRun;
import dev.aidigest.schedule.ScheduleSettings;
import dev.aidigest.schedule.Serve;
import dev.aidigest.store.Database;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.SlotDigests;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook mode: POST /webhooks/telegram with Telegram's secret header; no long polling at all. */
class TelegramWebhookIT {

    static final String SECRET = "s3cret-token_ABC";
    final FakeTelegramBotApi api = new FakeTelegramBotApi();
    final Database db = TestDb.h2();
    final HttpClient http = HttpClient.newHttpClient();
    Serve serve;
    int port;

    @BeforeEach
    void start() throws Exception {
        ScheduleSettings s = new ScheduleSettings(
                "wh-" + UUID.randomUUID(),
                Duration.ofMinutes(30),
                "0 0 0 1 1 ? 2099",
                "",
                ZoneId.of("Asia/Shanghai"),
                Duration.ofSeconds(1),
                1,
                Duration.ofSeconds(5));
        serve = ServeWiring.serve(
                TestConfigs.telegram(api.url(), SECRET),
                s,
                db,
                () -> {},
                new SlotDigests(db, 3, 50),
                ReportRun.NONE,
                Clock.systemUTC());
        port = serve.start();
    }

    @AfterEach
    void stop() {
        serve.stop();
        api.close();
        db.close();
    }

    HttpResponse<String> post(String secret, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWrongOrMissingSecretIs401AndNothingIsHandled() throws Exception {
        api.text(4242, null, 4242, "/help");
        String update = api.takeLastUpdate().toString();
        assertThat(post("wrong", update).statusCode()).isEqualTo(401);
        assertThat(post(null, update).statusCode()).isEqualTo(401);
        // nothing is sent at any moment of the next half second, not only at its end
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> api.sentTo(4242)
                .isEmpty());
    }

    @Test
    void theRightSecretDeliversTheUpdateOnceAndHealthzAnswers() throws Exception {
        api.text(4242, null, 4242, "/subscribe");
        String update = api.takeLastUpdate().toString();
        assertThat(post(SECRET, update).statusCode()).isEqualTo(200);
        assertThat(post(SECRET, update).statusCode()).isEqualTo(200); // Telegram retries: handled once
        await().atMost(Duration.ofSeconds(10)).until(() -> !api.sentTo(4242).isEmpty());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> api.sentTo(4242).size() == 1);
        assertThat(api.sentTo(4242))
                .singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).contains("已订阅"));
        assertThat(api.calls("getupdates")).isEmpty();
        assertThat(api.calls("deletewebhook")).isEmpty();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        // no posts are stored in this test: the sources part is degraded, the bot and the database are ok
        assertThat(health.body())
                .contains(
                        "\"status\":\"degraded\"", "\"database\":{\"ok\":true", "\"chat.telegram\":{\"status\":\"ok\"");
    }
}
