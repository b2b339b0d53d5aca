package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as the operator runs it ({@code java -jar}, H2 file, a Telegram bot long polling a
 * loopback Bot API), stopped with SIGTERM: exit 0 within the grace period, and a quiet log (no ERROR
 * line, no stack trace).
 */
class ServeSigtermIT {

    @TempDir
    Path dir;

    @Test
    void sigtermStopsServeWithExitZeroAndAQuietLog() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FakeTelegramBotApi telegram = new FakeTelegramBotApi()) {
            ProcessBuilder pb = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "-jar",
                            Jar.JAR.toString(),
                            "serve")
                    .directory(dir.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("AIDIGEST_"));
            pb.environment().put("AIDIGEST_HTTP_PORT", Integer.toString(port));
            pb.environment().put("AIDIGEST_TELEGRAM_TOKEN", FakeTelegramBotApi.TOKEN);
            pb.environment().put("AIDIGEST_TELEGRAM_API_URL", telegram.url());
            Path err = dir.resolve("stderr.txt");
            pb.redirectError(err.toFile())
                    .redirectOutput(dir.resolve("stdout.txt").toFile());
            Process p = pb.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()
                        .contains("\"chat.telegram\":{\"status\":\"ok\""));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !telegram.calls("getupdates").isEmpty());

                long started = System.nanoTime();
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(60, TimeUnit.SECONDS))
                        .as("stopped within the grace period")
                        .isTrue();
                long ms = (System.nanoTime() - started) / 1_000_000;
                System.out.println("serve: SIGTERM to exit " + ms + " ms, exit code " + p.exitValue());
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
}
