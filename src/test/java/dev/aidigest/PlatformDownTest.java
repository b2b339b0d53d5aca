package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.config.AppConfig;
import dev.aidigest.json.Jackson;
import dev.aidigest.schedule.ReportRun;
import dev.aidigest.schedule.ScheduleSettings;
import dev.aidigest.schedule.Serve;
import dev.aidigest.store.Database;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDb;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chat platform that cannot be reached, or refuses the credentials, at the start of {@code serve}:
 * serve starts anyway (web, scheduler), /healthz says degraded and why, the bot connects on its own
 * when the platform comes back, and a refused token is reported once and not retried.
 */
class PlatformDownTest {

    final Database db = TestDb.h2();
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = Jackson.json();
    Serve serve;
    FakeTelegramBotApi telegram;
    FakeLarkOpenApi lark;

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.stop();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (lark != null) {
            lark.close();
        }
        db.close();
    }

    static AppConfig config(AppConfig.TelegramConfig tg, AppConfig.LarkConfig lc) {
        return TestConfigs.chat(tg, lc, null);
    }

    Serve start(AppConfig config) throws Exception {
        ScheduleSettings s = new ScheduleSettings(
                "down-" + UUID.randomUUID(),
                Duration.ofMinutes(30),
                "0 0 0 1 1 ? 2099",
                "",
                ZoneId.of("Asia/Shanghai"),
                Duration.ofSeconds(10),
                1,
                Duration.ofSeconds(10));
        serve = ServeWiring.serve(
                config,
                s,
                db,
                () -> {},
                slot -> {
                    throw new IllegalStateException("no digest in this test");
                },
                ReportRun.NONE,
                Clock.systemUTC());
        serve.start();
        return serve;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode health() throws Exception {
        return json.readTree(get("/healthz").body());
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void telegramDownAtStartStopsNothingAndTheBotConnectsWhenItReturns() throws Exception {
        int port = freePort(); // nothing listens there yet
        Instant before = Instant.now();
        start(config(new AppConfig.TelegramConfig(FakeTelegramBotApi.TOKEN, "http://127.0.0.1:" + port, "", ""), null));
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> health().path("components")
                                .path("chat.telegram")
                                .path("state")
                                .asText(),
                        "retrying"::equals);
        HttpResponse<String> h = get("/healthz");
        assertThat(h.statusCode())
                .as("degraded keeps the node in the load balancer")
                .isEqualTo(200);
        JsonNode tg = json.readTree(h.body()).path("components").path("chat.telegram");
        assertThat(json.readTree(h.body()).path("status").asText()).isEqualTo("degraded");
        assertThat(tg.path("status").asText()).isEqualTo("degraded");
        assertThat(tg.path("reason").asText()).startsWith("cannot connect");
        assertThat(tg.has("next_attempt")).isTrue();
        assertThat(get("/healthz?strict").statusCode()).isEqualTo(503);
        assertThat(get("/api/digests/latest").statusCode())
                .as("the web archive answers")
                .isIn(200, 404);
        assertThat(get("/metrics").body()).contains("aidigest_health_status{component=\"chat.telegram\"} 1.0");

        telegram = new FakeTelegramBotApi(port); // the platform comes back
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> health().path("components")
                                .path("chat.telegram")
                                .path("state")
                                .asText(),
                        "up"::equals);
        assertThat(telegram.calls("getme")).isNotEmpty();
        assertThat(health().path("components")
                        .path("chat.telegram")
                        .path("status")
                        .asText())
                .isEqualTo("ok");
    }

    @Test
    void aRefusedTelegramTokenIsAConfigurationErrorReportedOnceAndNotRetried() throws Exception {
        telegram = new FakeTelegramBotApi();
        start(config(new AppConfig.TelegramConfig("999:wrong-token", telegram.url(), "", ""), null));

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> health().path("components")
                                .path("chat.telegram")
                                .path("state")
                                .asText(),
                        "config_error"::equals);
        JsonNode tg = health().path("components").path("chat.telegram");
        assertThat(tg.path("reason").asText())
                .startsWith("configuration error, not retried")
                .contains("Unauthorized");
        int calls = telegram.calls.size();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> telegram.calls.size() == calls);
    }

    @Test
    void larkRefusingTheAppSecretIs10014AndNotRetried() throws Exception {
        lark = new FakeLarkOpenApi();
        start(config(
                null,
                new AppConfig.LarkConfig(
                        FakeLarkOpenApi.APP_ID,
                        "wrong-secret",
                        lark.url(),
                        "",
                        "",
                        AppConfig.LarkConfig.Receive.CALLBACK,
                        java.util.List.of())));

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> health().path("components")
                                .path("chat.lark")
                                .path("state")
                                .asText(),
                        "config_error"::equals);
        assertThat(health().path("components").path("chat.lark").path("reason").asText())
                .contains("10014");
        int calls = lark.calls.size();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> lark.calls.size() == calls);
    }
}
