package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.store.Database;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.ServeMain;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * serve runs in a separate process; it is killed with SIGKILL in the middle of a fan-out and started
 * again. Every subscribed chat must get every part; at most the messages in flight at the kill are
 * sent twice (measured and printed). Then SIGTERM must stop it cleanly.
 */
class KillDuringFanOutIT {

    static final int CHATS = 120;

    final String[] schema = new String[1];
    final Database db = TestDatabases.postgres(schema);
    final FakeTelegramBotApi api = new FakeTelegramBotApi();
    Process child;

    @AfterEach
    void cleanUp() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        api.close();
        db.close();
        TestDatabases.dropPostgres(schema[0]);
    }

    Process startServe(Path log) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                cp,
                ServeMain.class.getName(),
                TestDatabases.pgUrl(schema[0]),
                api.url());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    int delivered() {
        return api.calls("sendmessage#ok").size();
    }

    @Test
    void afterSigkillMidFanOutEveryChatGetsTheDigestAndOnlyInFlightMessagesRepeat() throws Exception {
        SubscriptionStore subs = new SubscriptionStore(db, Clock.systemUTC());
        for (int i = 1; i <= CHATS; i++) {
            subs.subscribe(new ChatRef("telegram", String.valueOf(i), ChatRef.Kind.PRIVATE), Plan.DIGEST, "u");
        }
        long digest =
                TestDb.insertDigest(db, "2025.11.26.16", java.time.Instant.parse("2025-11-26T08:00:00Z"), 17, 260);
        Path log = Files.createTempFile("serve", ".log");

        child = startServe(log);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.calls("getupdates").size() > 0);
        ServeWiring.outbox(db, Clock.systemUTC()).publish(digest); // `digest --publish` while serve runs
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered() >= CHATS);
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
        child.waitFor(10, TimeUnit.SECONDS);
        int atKill = delivered();
        Thread.sleep(500);
        assertThat(delivered()).isEqualTo(atKill);

        child = startServe(log);
        int parts = 3;
        await().atMost(Duration.ofSeconds(120)).until(() -> everyChatHasAllParts(parts));
        Thread.sleep(3000); // nothing more should come
        Map<String, Integer> perMessage = new HashMap<>();
        api.calls("sendmessage#ok")
                .forEach(c -> perMessage.merge(
                        c.body().get("chat_id").asText() + "|"
                                + c.body().get("text").asText(),
                        1,
                        Integer::sum));
        int duplicates = perMessage.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf(
                "SIGKILL fan-out: %d chats x %d parts = %d messages; %d delivered before the kill; %d sent twice%n",
                CHATS, parts, CHATS * parts, atKill, duplicates);
        assertThat(perMessage).hasSize(CHATS * parts);
        assertThat(duplicates).isLessThanOrEqualTo(1); // one worker: at most the one message in flight
        assertThat(TestDb.column(db, "SELECT DISTINCT status FROM outbox")).containsExactly("sent");

        child.destroy(); // SIGTERM: the shutdown hook stops cleanly
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("stopped");
    }

    boolean everyChatHasAllParts(int parts) {
        Map<String, java.util.Set<String>> seen = new HashMap<>();
        api.calls("sendmessage#ok")
                .forEach(c -> seen.computeIfAbsent(c.body().get("chat_id").asText(), k -> new java.util.HashSet<>())
                        .add(c.body().get("text").asText()));
        return seen.size() == CHATS && seen.values().stream().allMatch(s -> s.size() >= parts);
    }
}
