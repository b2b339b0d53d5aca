package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.testing.DiscordSigner;
import dev.aidigest.testing.FakeDiscordApi;
import dev.aidigest.testing.FakeDiscordGateway;
import dev.aidigest.testing.FakeLarkLongConnection;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.Jar;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as the operator runs it ({@code java -jar}, H2 file, a Telegram bot long polling a
 * loopback Bot API; then all three platforms), stopped with SIGTERM: exit 0 within the grace period, and a quiet log (no ERROR
 * line, no stack trace).
 */
class ServeSigtermIT {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsServeWithExitZeroAndAQuietLog() throws Exception {
        try (FakeTelegramBotApi telegram = new FakeTelegramBotApi()) {
            Map<String, String> env = new HashMap<>();
            env.put("AIDIGEST_TELEGRAM_TOKEN", FakeTelegramBotApi.TOKEN);
            env.put("AIDIGEST_TELEGRAM_API_URL", telegram.url());
            stopsQuietly(env, List.of("chat.telegram"), () -> !telegram.calls("getupdates")
                    .isEmpty());
        }
    }

    /**
     * The same with all three platforms connected the way a self-hoster behind NAT runs them: Telegram
     * long polling, the Discord gateway, the Lark long connection. Each client library has threads of its
     * own (JDA's gateway, the Lark SDK's WebSocket and its reconnect loop) that must stop without
     * logging the stop as a failure.
     */
    @Test
    void sigtermWithAllThreePlatformsConnectedIsQuietToo() throws Exception {
        try (FakeTelegramBotApi telegram = new FakeTelegramBotApi();
                FakeDiscordApi discordApi = new FakeDiscordApi();
                FakeDiscordGateway gateway = new FakeDiscordGateway();
                FakeLarkOpenApi larkApi = new FakeLarkOpenApi();
                FakeLarkLongConnection larkSocket = new FakeLarkLongConnection()) {
            larkApi.longConnection(larkSocket);
            Map<String, String> env = new HashMap<>();
            env.put("AIDIGEST_TELEGRAM_TOKEN", FakeTelegramBotApi.TOKEN);
            env.put("AIDIGEST_TELEGRAM_API_URL", telegram.url());
            env.put("AIDIGEST_DISCORD_TOKEN", FakeDiscordApi.TOKEN);
            env.put("AIDIGEST_DISCORD_PUBLIC_KEY", new DiscordSigner().publicKeyHex());
            env.put("AIDIGEST_DISCORD_API_URL", discordApi.apiUrl());
            env.put("AIDIGEST_DISCORD_GATEWAY_URL", gateway.url());
            env.put("AIDIGEST_LARK_APP_ID", FakeLarkOpenApi.APP_ID);
            env.put("AIDIGEST_LARK_APP_SECRET", FakeLarkOpenApi.APP_SECRET);
            env.put("AIDIGEST_LARK_API_URL", larkApi.url());
            stopsQuietly(
                    env,
                    List.of("chat.telegram", "chat.discord", "chat.lark"),
                    () -> !telegram.calls("getupdates").isEmpty() && gateway.identified() && larkSocket.connected());
        }
    }

    private void stopsQuietly(Map<String, String> env, List<String> platforms, Callable<Boolean> connected)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        Jar.JAR.toString(),
                        "serve")
                .directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AIDIGEST_"));
        pb.environment().put("AIDIGEST_HTTP_PORT", Integer.toString(port));
        pb.environment().putAll(env);
        Path err = dir.resolve("stderr.txt");
        pb.redirectError(err.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile());
        Process p = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
                String health = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                return platforms.stream().allMatch(n -> health.contains("\"" + n + "\":{\"status\":\"ok\""));
            });
            await().atMost(Duration.ofSeconds(20)).until(connected);

            long started = System.nanoTime();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within the grace period")
                    .isTrue();
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.out.println(
                    "serve with " + platforms + ": SIGTERM to exit " + ms + " ms, exit code " + p.exitValue());
            String log = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(log).isZero();
            List<String> lines = log.lines().toList();
            assertThat(lines).as(log).noneMatch(l -> l.contains(" ERROR "));
            assertThat(lines).as(log).noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
            assertThat(log).contains("stopping: no new work", "stopped");
        } finally {
            p.destroyForcibly();
        }
    }
}
