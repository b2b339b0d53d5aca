package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.App;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.digest.LabelledSet;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.llm.BgeEmbedder;
import dev.aidigest.store.Database;
import dev.aidigest.store.PostStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digest} takes the scheduled job's path: the freshness check first (stale sources make nothing),
 * then build, store with its search terms, site, and with {@code --publish} the outbox.
 */
class DigestCommandPathTest {

    static final String SLOT = "2025.11.26.16";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Database open() {
        return Database.open(Database.h2FileUrl(dir.resolve("data")), "", "");
    }

    private void storePostsOfTheSlotAndASubscriber() {
        List<StoredPost> stored = LabelledSet.load(
                        "/clustering/labelled_posts.jsonl",
                        Slot.parse(SLOT, ZONE).windowStart(),
                        new FakeEmbedder())
                .posts();
        try (Database db = open()) {
            new PostStore(db, Clock.systemUTC())
                    .add(
                            stored.stream().map(StoredPost::post).toList(),
                            stored.stream().map(StoredPost::embedding).toList(),
                            BgeEmbedder.MODEL);
            new SubscriptionStore(db, Clock.systemUTC())
                    .subscribe(new ChatRef("telegram", "42", ChatRef.Kind.PRIVATE), Plan.DIGEST, "u");
        }
    }

    @Test
    void aSlotWhoseSourcesWentQuietIsNotMadeFromTheCliEither() throws Exception {
        storePostsOfTheSlotAndASubscriber();
        String threeDaysLater = "2025.11.29.16";

        int code = cli(
                "digest",
                "--at",
                threeDaysLater,
                "--publish",
                "--out",
                dir.resolve("site").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not made: newest post is from");
        assertThat(Files.exists(dir.resolve("site/content/posts/" + threeDaysLater + ".md")))
                .isFalse();
        try (Database db = open()) {
            assertThat(TestDb.column(db, "SELECT COUNT(*) FROM digest")).containsExactly("0");
            assertThat(TestDb.column(db, "SELECT COUNT(*) FROM outbox")).containsExactly("0");
        }
    }

    @Test
    void aPublishedDigestIsStoredSearchableAndQueuedInOneGo() throws Exception {
        storePostsOfTheSlotAndASubscriber();

        int code = cli(
                "digest",
                "--at",
                SLOT,
                "--publish",
                "--out",
                dir.resolve("site").toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(dir.resolve("site/content/posts/" + SLOT + ".md")).exists();
        try (Database db = open()) {
            List<String> items = TestDb.column(db, "SELECT COUNT(*) FROM digest_item");
            assertThat(Integer.parseInt(items.get(0))).isPositive();
            assertThat(TestDb.column(db, "SELECT COUNT(DISTINCT doc_id) FROM search_term WHERE doc_kind = 'i'"))
                    .as("every item is searchable without a catch-up")
                    .isEqualTo(items);
            assertThat(TestDb.column(db, "SELECT COUNT(*) FROM outbox")).containsExactly("1");
        }
    }

    private int cli(String... args) {
        List<String> all = new java.util.ArrayList<>(
                List.of("--config", "config", "--data", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return App.run(all.toArray(String[]::new));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
