package dev.aidigest.bench;

import dev.aidigest.ServeWiring;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.channel.telegram.TelegramChannel;
import dev.aidigest.command.DigestReplies;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.ClusterNodeMain;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fan-out of a 3-part digest to 5,000 chats (-Dchats) by 1, 2 and 3 {@code serve} nodes, each its own
 * process on the local PostgreSQL, against a fake Bot API enforcing Telegram's 30 messages/s and
 * 1/s per chat (429 otherwise) and one poller (409 otherwise). Prints achieved / allowed rate for each
 * node count (-Dnodes=1,2,3); in the run with the most nodes the node holding the receiver is killed
 * with SIGKILL a third into the fan-out, and the time until another node holds the lease is printed.
 * Also: a 2-part digest to one DM, time from the publish returning to the last part arriving (another
 * process publishes, so the NOTIFY path is what is measured).
 * Run: mvn -o -Pbench test -Dtest=ClusterFanOutBench [-Dchats=1000] [-Dnodes=1,3]
 */
class ClusterFanOutBench {

    static final int CHATS = Integer.getInteger("chats", 5000);
    static final double ALLOWED = 30;

    record Run(
            int nodes,
            int messages,
            double seconds,
            int mostInASecond,
            int tooMany,
            int conflicts,
            int duplicates,
            double takeover) {}

    @Test
    void fanOutWithOneTwoAndThreeNodes() throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (String n : System.getProperty("nodes", "1,2,3").split(",")) {
            if (Integer.parseInt(n.trim()) > 0) { // -Dnodes=0: the DM measurement only
                counts.add(Integer.parseInt(n.trim()));
            }
        }
        int most = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        promptDm();
        for (int nodes : counts) {
            print(fanOut(nodes, nodes == most && nodes > 1)); // each as it ends: a long run still tells
        }
    }

    static void print(Run r) {
        double rate = r.messages() / r.seconds();
        System.out.printf(
                "cluster fan-out: %d node(s), %d messages in %.1f s: achieved %.2f msg/s / allowed %.0f = %.3f;"
                        + " most in one second %d; 429s %d; 409s %d; duplicates %d%s%n",
                r.nodes(),
                r.messages(),
                r.seconds(),
                rate,
                ALLOWED,
                rate / ALLOWED,
                r.mostInASecond(),
                r.tooMany(),
                r.conflicts(),
                r.duplicates(),
                r.takeover() < 0 ? "" : String.format("; receiver taken over %.1f s after the kill", r.takeover()));
    }

    /** A 2-part digest to one DM, published by this process while one node serves. */
    Run promptDm() throws Exception {
        String[] schema = new String[1];
        try (FakeTelegramBotApi api = new FakeTelegramBotApi();
                Database db = TestDatabases.postgres(schema)) {
            api.enforceRateLimit(ALLOWED, 1000);
            new SubscriptionStore(db, Clock.systemUTC())
                    .subscribe(new ChatRef("telegram", "1", ChatRef.Kind.PRIVATE), Plan.DIGEST, "u");
            long digest = TestDb.insertDigest(db, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 10, 260);
            int parts = parts(db, api, digest);
            List<Process> nodes = start(1, schema[0], api);
            try {
                await(() -> !api.calls("getupdates").isEmpty(), 300);
                var outbox = ServeWiring.outbox(
                        db, Clock.systemUTC()); // built (dictionaries loaded) before the clock starts
                Thread.sleep(Integer.getInteger("settle", 20) * 1000L); // serve done starting, its delivery asleep
                outbox.publish(digest);
                long published = System.nanoTime();
                await(() -> api.sentTo(1).size() >= parts, 30);
                double seconds = (System.nanoTime() - published) / 1e9;
                System.out.printf(
                        "prompt delivery: a %d-part digest to one DM complete %.2f s after the publish returned%n",
                        parts, seconds);
                return new Run(
                        1,
                        parts,
                        seconds,
                        api.mostSentInOneSecond(),
                        api.rateLimited.get(),
                        api.conflicts.get(),
                        api.duplicatesSent(),
                        -1);
            } finally {
                stop(nodes);
                TestDatabases.dropPostgres(schema[0]);
            }
        }
    }

    Run fanOut(int nodeCount, boolean kill) throws Exception {
        String[] schema = new String[1];
        try (FakeTelegramBotApi api = new FakeTelegramBotApi();
                Database db = TestDatabases.postgres(schema)) {
            api.enforceRateLimit(ALLOWED, 1000);
            SubscriptionStore subs = new SubscriptionStore(db, Clock.systemUTC());
            for (int i = 1; i <= CHATS; i++) {
                subs.subscribe(new ChatRef("telegram", String.valueOf(i), ChatRef.Kind.PRIVATE), Plan.DIGEST, "u");
            }
            long digest = TestDb.insertDigest(db, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 17, 260);
            int expected = CHATS * parts(db, api, digest);
            List<Process> nodes = start(nodeCount, schema[0], api);
            try {
                await(() -> !api.calls("getupdates").isEmpty(), 300);
                Thread.sleep(3000);
                ServeWiring.outbox(db, Clock.systemUTC()).publish(digest);
                long start = System.nanoTime();
                double takeover = -1;
                if (kill) {
                    await(() -> api.calls("sendmessage#ok").size() >= expected / 3, 3600);
                    String holder = holder(db);
                    Process victim = nodes.stream()
                            .filter(p -> holder.contains("-" + p.pid() + "-"))
                            .findFirst()
                            .orElseThrow();
                    victim.destroyForcibly();
                    long killed = System.nanoTime();
                    await(() -> !holder.equals(holder(db)), 60);
                    takeover = (System.nanoTime() - killed) / 1e9;
                }
                await(() -> api.calls("sendmessage#ok").size() >= expected, 3600);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Run(
                        nodeCount,
                        expected,
                        seconds,
                        api.mostSentInOneSecond(),
                        api.rateLimited.get(),
                        api.conflicts.get(),
                        api.duplicatesSent(),
                        takeover);
            } finally {
                stop(nodes);
                TestDatabases.dropPostgres(schema[0]);
            }
        }
    }

    static int parts(Database db, FakeTelegramBotApi api, long digest) {
        TelegramBot renderer = new TelegramBot(
                new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, api.url(), ""),
                null,
                null,
                TelegramChannel.telegramLimits());
        return renderer.channel()
                .split(new DigestReplies().of(new ArchiveStore(db).byId(digest).orElseThrow()))
                .size();
    }

    static String holder(Database db) {
        List<String> h = TestDb.column(db, "SELECT holder FROM cluster_lease WHERE name LIKE 'receiver:%'");
        return h.isEmpty() ? "" : h.get(0);
    }

    static List<Process> start(int count, String schema, FakeTelegramBotApi api) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Process> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path log = Files.createTempFile("cluster-node", ".log");
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx320m",
                    "-cp",
                    cp,
                    ClusterNodeMain.class.getName(),
                    TestDatabases.pgUrl(schema),
                    api.url());
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            out.add(pb.start());
        }
        return out;
    }

    static void stop(List<Process> nodes) throws InterruptedException {
        nodes.forEach(Process::destroy);
        for (Process p : nodes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    static void await(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
