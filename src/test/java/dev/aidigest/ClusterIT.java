package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.channel.telegram.TelegramChannel;
import dev.aidigest.command.DigestReplies;
import dev.aidigest.digest.Slot;
import dev.aidigest.json.Jackson;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.Jar;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code serve} nodes (the built jar, as an operator runs it) on one PostgreSQL, one Telegram bot,
 * against a loopback Bot API that allows one getUpdates poller (409 otherwise) and 30 messages a second
 * (429 otherwise). Chats subscribe by command; the digest job, made due
 * in Quartz's shared store, fires once for the cluster and fans out;
 * the node holding the receiver is killed with SIGKILL mid-fan-out. Checked: every chat has every part,
 * duplicates at most the one message the killed node had in flight, every command answered once, the
 * digest built once, no 409, never more than 30 messages in a second, the receiver taken over within 30 s.
 */
class ClusterIT {

    static final int NODES = Integer.getInteger("cluster.nodes", 3);
    static final int CHATS = Integer.getInteger("cluster.chats", 240);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final long STATUS_CHAT = 900_001L;

    @TempDir
    Path work;

    final String[] schema = new String[1];
    final Database db = TestDatabases.postgres(schema);
    final FakeTelegramBotApi api = new FakeTelegramBotApi();
    final List<Node> nodes = new ArrayList<>();
    final ObjectMapper json = Jackson.json();

    volatile int repliesBeforeDigest;

    record Node(Process process, Path log, int port) {}

    @AfterEach
    void cleanUp() throws Exception {
        for (Node n : nodes) {
            if (n.process().isAlive()) {
                n.process().destroy();
            }
        }
        for (Node n : nodes) {
            if (!n.process().waitFor(20, TimeUnit.SECONDS)) {
                n.process().destroyForcibly();
            }
        }
        api.close();
        db.close();
        TestDatabases.dropPostgres(schema[0]);
    }

    Map<String, String> env(int port, String digestCron) {
        Map<String, String> env = new HashMap<>();
        env.put("AIDIGEST_DB_URL", TestDatabases.pgUrl(schema[0]));
        env.put("AIDIGEST_DB_USER", TestDatabases.PG_USER);
        env.put("AIDIGEST_TELEGRAM_TOKEN", FakeTelegramBotApi.TOKEN);
        env.put("AIDIGEST_TELEGRAM_API_URL", api.url());
        env.put("AIDIGEST_HTTP_PORT", String.valueOf(port));
        env.put("AIDIGEST_TIMEZONE", ZONE.getId());
        env.put("AIDIGEST_DIGEST_CRON", digestCron);
        env.put("AIDIGEST_REPORT_CRON", "0 0 0 1 1 ? 2099");
        return env;
    }

    Node startNode(int i, String digestCron) throws Exception {
        Path dir = Files.createDirectories(work.resolve("node" + i));
        Path log = dir.resolve("serve.log");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx320m",
                        "-jar",
                        Jar.JAR.toString(),
                        "serve")
                .directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AIDIGEST_"));
        pb.environment().putAll(env(port, digestCron));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Node n = new Node(pb.start(), log, port);
        nodes.add(n);
        return n;
    }

    /** The bundled sample day moved into the window of {@code slot}, without posts after its end. */
    Path sampleIn(Slot slot) throws Exception {
        JsonNode day;
        try (InputStream in = getClass().getResourceAsStream("/sample/x-api-v2-sample-day.json")) {
            day = json.readTree(in);
        }
        Instant sampleEnd = Instant.parse("2025-11-26T08:00:00Z");
        Duration shift = Duration.between(sampleEnd, slot.windowEnd());
        ObjectNode out = day.deepCopy();
        var data = out.withArray("data");
        for (int i = data.size() - 1; i >= 0; i--) {
            Instant at = Instant.parse(data.get(i).get("created_at").asText());
            if (at.isAfter(sampleEnd)) {
                data.remove(i);
            } else {
                ((ObjectNode) data.get(i)).put("created_at", at.plus(shift).toString());
            }
        }
        for (JsonNode t : out.path("includes").path("tweets")) {
            Instant at = Instant.parse(t.get("created_at").asText());
            ((ObjectNode) t).put("created_at", at.plus(shift).toString());
        }
        Path file = work.resolve("posts.json");
        json.writeValue(file.toFile(), out);
        return file;
    }

    List<JsonNode> sent() {
        synchronized (api.calls) {
            return api.calls.stream()
                    .filter(c -> c.method().equals("sendmessage#ok"))
                    .map(FakeTelegramBotApi.Call::body)
                    .toList();
        }
    }

    String holder() {
        List<String> h = TestDb.column(db, "SELECT holder FROM cluster_lease WHERE name LIKE 'receiver:telegram:%'");
        return h.isEmpty() ? null : h.get(0);
    }

    JsonNode health(Node n) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port() + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    String logs() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            sb.append("==== ").append(n.log()).append('\n').append(Files.readString(n.log()));
        }
        return sb.toString();
    }

    @Test
    void threeNodesShareOneBotAndOneRateAndLoseNothingWhenOneIsKilled() throws Exception {
        api.enforceRateLimit(30, 1000);
        long started = System.nanoTime();
        // posts of the current slot; its digest job is due in 2099 until the chats have subscribed
        Slot slot = Slot.endingAtOrBefore(Instant.now().plusSeconds(90), ZONE);
        String cron = "0 0 0 1 1 ? 2099";
        Jar.Result imported =
                Jar.run(work, env(0, cron), "import", sampleIn(slot).toString(), "--format", "x-api-v2");
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();

        for (int i = 1; i <= NODES; i++) {
            startNode(i, cron);
        }
        awaitOrShowLogs(180, () -> {
            for (Node n : nodes) {
                try {
                    if (health(n).path("cluster").path("nodes").size() < NODES) {
                        return false;
                    }
                } catch (java.io.IOException e) {
                    return false;
                }
            }
            return holder() != null;
        });
        JsonNode view = health(nodes.get(0)).path("cluster");
        assertThat(view.path("receivers").get(0).path("node").asText()).isEqualTo(holder());
        int startUpConflicts = api.conflicts.get();

        for (long chat = 1; chat <= CHATS; chat++) {
            api.text(chat, null, chat, "/subscribe");
        }
        awaitOrShowLogs(
                80,
                () -> TestDb.column(db, "SELECT id FROM subscription WHERE active")
                                .size()
                        == CHATS);
        awaitOrShowLogs(20, () -> sent().size() >= CHATS);
        repliesBeforeDigest = sent().size();
        assertThat(Slot.endingAtOrBefore(Instant.now(), ZONE))
                .as("not across a slot boundary")
                .isEqualTo(slot);
        // the digest job is due now: the nodes share Quartz's store, one of them fires it
        int moved = db.write(c -> {
            try (var ps = c.prepareStatement("UPDATE qrtz_triggers SET next_fire_time = ?"
                    + " WHERE trigger_name = 'digest' AND trigger_group = 'aidigest'")) {
                ps.setLong(1, System.currentTimeMillis() + 1000);
                return ps.executeUpdate();
            }
        });
        assertThat(moved).isEqualTo(1);

        awaitOrShowLogs(120, () -> !TestDb.column(db, "SELECT id FROM outbox").isEmpty());
        long digestId = Long.parseLong(
                TestDb.column(db, "SELECT id FROM digest WHERE kind = 'digest'").get(0));
        TelegramBot renderer = new TelegramBot(
                new TelegramBot.Settings("1:x", api.url(), ""), null, null, TelegramChannel.telegramLimits());
        int parts = renderer.channel()
                .split(new DigestReplies()
                        .of(new ArchiveStore(db).byId(digestId).orElseThrow()))
                .size();
        int total = CHATS * parts;

        // SIGKILL the node that holds the receiver, a third into the fan-out
        awaitOrShowLogs(60, () -> sent().size() - repliesBeforeDigest >= total / 3);
        String victim = holder();
        Node killed = nodes.stream()
                .filter(n -> victim.contains("-" + n.process().pid() + "-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no node holds the receiver: " + victim));
        killed.process().destroyForcibly();
        killed.process().waitFor(10, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        int atKill = sent().size() - repliesBeforeDigest;
        api.text(STATUS_CHAT, null, STATUS_CHAT, "/status"); // answered only once another node polls
        awaitOrShowLogs(40, () -> !api.sentTo(STATUS_CHAT).isEmpty());
        double takeover = (System.nanoTime() - killedAt) / 1e9;

        awaitOrShowLogs(90, () -> {
            Map<Long, Set<String>> seen = digestParts();
            return seen.size() == CHATS && seen.values().stream().allMatch(s -> s.size() >= parts);
        });
        Thread.sleep(2000); // nothing more should come

        Map<String, Integer> perMessage = new HashMap<>();
        Map<Long, Integer> commandReplies = new HashMap<>();
        List<JsonNode> all = sent();
        for (int i = 0; i < all.size(); i++) {
            JsonNode b = all.get(i);
            long chat = b.get("chat_id").asLong();
            if (i < repliesBeforeDigest || chat == STATUS_CHAT) {
                commandReplies.merge(chat, 1, Integer::sum);
            } else {
                perMessage.merge(chat + "|" + b.get("text").asText(), 1, Integer::sum);
            }
        }
        int duplicates = perMessage.values().stream().mapToInt(n -> n - 1).sum();
        long builds = 0;
        for (Node n : nodes) {
            builds += Files.readAllLines(n.log()).stream()
                    .filter(l -> l.contains("built and published"))
                    .count();
        }
        System.out.printf(
                "cluster: %d nodes, %d chats x %d parts = %d messages; killed the receiver's node after %d;"
                        + " takeover (a command answered again) %.1f s after the kill; %d sent twice;"
                        + " most in one second %d (allowed 30); 429s %d; 409s %d; %.0f s in all%n",
                NODES,
                CHATS,
                parts,
                total,
                atKill,
                takeover,
                duplicates,
                api.mostSentInOneSecond(),
                api.rateLimited.get(),
                api.conflicts.get(),
                (System.nanoTime() - started) / 1e9);

        assertThat(perMessage).as(logs()).hasSize(total);
        assertThat(duplicates)
                .as("at most the message in flight on the killed node")
                .isLessThanOrEqualTo(1);
        assertThat(commandReplies).hasSize(CHATS + 1);
        assertThat(commandReplies.values()).as("each command answered once").containsOnly(1);
        assertThat(TestDb.column(db, "SELECT slot FROM digest WHERE kind = 'digest'"))
                .containsExactly(slot.name());
        assertThat(builds).as("the digest job ran once in the cluster").isEqualTo(1);
        assertThat(api.conflicts.get()).as("409s").isEqualTo(startUpConflicts).isZero();
        assertThat(api.rateLimited.get()).as("429s").isZero();
        assertThat(api.mostSentInOneSecond()).isLessThanOrEqualTo(30);
        assertThat(takeover).isLessThan(30);
        assertThat(TestDb.column(db, "SELECT DISTINCT status FROM outbox")).containsExactly("sent");
        assertThat(holder()).isNotEqualTo(victim);
    }

    void awaitOrShowLogs(int seconds, java.util.concurrent.Callable<Boolean> done) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofMillis(500))
                    .until(done);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + logs(), e);
        }
    }

    Map<Long, Set<String>> digestParts() {
        Map<Long, Set<String>> seen = new HashMap<>();
        List<JsonNode> all = sent();
        for (JsonNode b : all.subList(Math.min(all.size(), repliesBeforeDigest), all.size())) {
            long chat = b.get("chat_id").asLong();
            if (chat != STATUS_CHAT) {
                seen.computeIfAbsent(chat, k -> new HashSet<>())
                        .add(b.get("text").asText());
            }
        }
        return seen;
    }
}
