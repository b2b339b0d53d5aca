package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.App;
import dev.aidigest.digest.LabelledSet;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Post;
import dev.aidigest.llm.BgeEmbedder;
import dev.aidigest.store.Database;
import dev.aidigest.store.PostStore;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways the {@code digest} command builds, in-process on the H2 file under {@code --data}, read
 * the vectors of the current model only: the edition and {@code --explain} renew an older model's first.
 */
class DigestCommandRenewalTest {

    static final String SLOT = "2025.11.26.16";
    static final String OLD = "bge-small-zh-v1.5-q";

    @TempDir
    Path dir;

    private void storeWithAnOlderModel() {
        Slot slot = Slot.parse(SLOT, ZoneId.of("Asia/Shanghai"));
        List<Post> posts =
                LabelledSet.load("/clustering/labelled_posts.jsonl", slot.windowStart(), new FakeEmbedder())
                        .posts()
                        .stream()
                        .map(StoredPost::post)
                        .toList();
        float[] junk = new float[512];
        junk[3] = 1;
        try (Database db = Database.open(Database.h2FileUrl(dir.resolve("data")), "", "")) {
            new PostStore(db, Clock.systemUTC())
                    .add(
                            posts,
                            IntStream.range(0, posts.size()).mapToObj(i -> junk).toList(),
                            OLD);
        }
    }

    private List<String> models() {
        try (Database db = Database.open(Database.h2FileUrl(dir.resolve("data")), "", "")) {
            return TestDb.column(db, "SELECT DISTINCT embedding_model FROM post");
        }
    }

    @Test
    void explainRenewsFirst() {
        storeWithAnOlderModel();

        assertThat(cli("digest", "--at", SLOT, "--explain")).isZero();

        assertThat(models()).containsExactly(BgeEmbedder.MODEL);
    }

    @Test
    void theEditionRenewsFirst() {
        storeWithAnOlderModel();

        assertThat(cli("digest", "--at", SLOT, "--out", dir.resolve("site").toString()))
                .isZero();

        assertThat(models()).containsExactly(BgeEmbedder.MODEL);
    }

    private int cli(String... args) {
        List<String> all = new java.util.ArrayList<>(
                List.of("--config", "config", "--data", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return App.run(all.toArray(String[]::new));
        } finally {
            System.setOut(stdout);
        }
    }
}
