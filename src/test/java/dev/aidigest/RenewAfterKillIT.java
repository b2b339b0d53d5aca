package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.IngestService;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.store.Database;
import dev.aidigest.store.PostStore;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.InMemorySourceStates;
import dev.aidigest.testing.Posts;
import dev.aidigest.testing.RenewMain;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renewal runs in its own process and is killed with SIGKILL mid-way: every post must then have
 * its old vector and model name or its new ones, never a mix, and the next renewal does the rest.
 * On PostgreSQL (where whole batches are renewed) and on the H2 file database, reopened after the
 * kill.
 */
class RenewAfterKillIT {

    static final int POSTS = 640;
    static final int BATCH = 64;
    static final String OLD = "bge-small-zh-v1.5-q";
    static final String NEW = new FakeEmbedder().model();
    static final float[] OLD_VECTOR = {0, 0, 0, 0, 0, 0, 0, 1};

    @TempDir
    Path dir;

    Process child;
    Path childLog;
    String schema;

    @AfterEach
    void cleanUp() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        if (schema != null) {
            TestDatabases.dropPostgres(schema);
        }
    }

    @Test
    void onPostgresql() throws Exception {
        String[] out = new String[1];
        try (Database db = TestDatabases.postgres(out)) {
            schema = out[0];
            String url = TestDatabases.pgUrl(schema);
            seed(db);
            child = start(url, TestDatabases.PG_USER, 150);
            int seen = killMidWay(url, TestDatabases.PG_USER, 2);
            int atKill = renewed(url, TestDatabases.PG_USER);
            assertThat(atKill).as("committed batches stay").isGreaterThanOrEqualTo(seen);
            System.out.printf(
                    "SIGKILL renewal on PostgreSQL: %d renewed when last seen, %d at the kill%n", seen, atKill);
            assertThat(atKill % BATCH).as("whole batches: %s renewed", atKill).isZero();
            checkEachPostOldOrNewAndTheRestRenewedNext(db, atKill);
        }
    }

    @Test
    void onTheH2FileDatabase() throws Exception {
        String url = Database.h2FileUrl(dir);
        try (Database db = Database.open(url, "", "")) {
            seed(db);
        }
        // slower batches, killed after more than a second: H2 has written some of them to the file
        child = start(url, "", 400);
        int seen = killMidWay(url, "", 4);
        try (Database db = Database.open(url, "", "")) { // this process owns the file now: H2 recovers it
            // H2 writes commits to the file within a second, so the last batches before a kill may be
            // lost; and it writes its maps one at a time, so a batch may come back in part. Each post
            // is one row, vector and model name in one value: old or new, never half.
            int atKill = renewed(url, "");
            System.out.printf("SIGKILL renewal on H2: %d renewed when last seen, %d on the file after%n", seen, atKill);
            checkEachPostOldOrNewAndTheRestRenewedNext(db, atKill);
        }
    }

    private static void seed(Database db) {
        PostStore store = new PostStore(db, Clock.systemUTC());
        List<Post> posts = IntStream.range(0, POSTS)
                .mapToObj(i -> Posts.x(
                        String.valueOf(i), "dotey", "宝玉", "第 " + i + " 条", Instant.parse("2025-11-26T08:00:00Z")))
                .toList();
        store.add(posts, posts.stream().map(p -> OLD_VECTOR).toList(), OLD);
    }

    private Process start(String url, String user, int batchMillis) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        childLog = Files.createTempFile(dir, "renew", ".log");
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        cp,
                        RenewMain.class.getName(),
                        url,
                        user,
                        String.valueOf(batchMillis))
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile())
                .start();
    }

    /** Waits until {@code batches} are renewed, kills the renewal and returns how many it had renewed when last seen. */
    private int killMidWay(String url, String user, int batches) throws Exception {
        // the child opens the database first: an H2 file then belongs to it, and this process
        // reaches it through the child's server
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.readString(childLog).contains("renewing"));
        int[] seen = new int[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> (seen[0] = renewed(url, user)) >= batches * BATCH);
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback from the process
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen[0]).as("killed mid-way").isLessThan(POSTS);
        return seen[0];
    }

    private static int renewed(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM post WHERE embedding_model = '" + NEW + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void checkEachPostOldOrNewAndTheRestRenewedNext(Database db, int atKill) {
        PostStore store = new PostStore(db, Clock.systemUTC());
        Map<String, String> models = new HashMap<>();
        TestDb.column(db, "SELECT platform_id || '=' || embedding_model FROM post")
                .forEach(r -> models.put(r.substring(0, r.indexOf('=')), r.substring(r.indexOf('=') + 1)));
        FakeEmbedder fake = new FakeEmbedder();
        List<StoredPost> all = store.inWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(all).hasSize(POSTS);
        for (StoredPost p : all) {
            String model = models.get(p.post().platformId());
            float[] expected =
                    NEW.equals(model) ? fake.embed(List.of(p.post().text())).get(0) : OLD_VECTOR;
            assertThat(model).isIn(OLD, NEW);
            assertThat(p.embedding())
                    .as("vector of post %s beside %s", p.id(), model)
                    .containsExactly(expected);
        }
        assertThat(atKill).isLessThan(POSTS);

        Clock clock = Clock.systemUTC();
        IngestService ingest = new IngestService(
                Parsers.all(Map.of(), clock),
                store,
                fake,
                new InMemorySourceStates(),
                clock,
                1 << 20,
                Duration.ofHours(1));
        assertThat(ingest.renewEmbeddings(Instant.EPOCH)).isEqualTo(POSTS - atKill);
        assertThat(TestDb.column(db, "SELECT DISTINCT embedding_model FROM post"))
                .containsExactly(NEW);
    }
}
