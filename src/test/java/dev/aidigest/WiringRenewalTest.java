package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.ConfigLoader;
import dev.aidigest.digest.LabelledSet;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.edition.DigestEditions;
import dev.aidigest.ingest.Post;
import dev.aidigest.llm.BgeEmbedder;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.Posts;
import dev.aidigest.testing.TestDb;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest path as {@code digest} and {@code serve} wire it renews what an older model left, with
 * the real bge model, on the H2 file database here and on PostgreSQL in {@link WiringRenewalPostgresIT}.
 */
class WiringRenewalTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Slot SLOT = Slot.parse("2025.11.26.16", SHANGHAI);
    static final String OLD = "bge-small-zh-v1.5-q";

    @TempDir
    Path data;

    /** Environment the configuration is read with: none for the H2 file under the data directory. */
    Map<String, String> env() {
        return Map.of();
    }

    @Test
    void theDigestCommandsEditionsRenewTheVectorsOfTheLastTwoDaysWithTheModelTheyImportWith() {
        Clock clock = Clock.fixed(SLOT.windowEnd().plusSeconds(600), SHANGHAI);
        List<Post> window =
                LabelledSet.load("/clustering/labelled_posts.jsonl", SLOT.windowStart(), new FakeEmbedder())
                        .posts()
                        .stream()
                        .map(StoredPost::post)
                        .toList();
        Post lastWeek = Posts.x("1", "dotey", "宝玉", "上周的帖子", SLOT.windowEnd().minus(Duration.ofDays(7)));
        float[] junk = new float[512];
        junk[7] = 1;

        try (Wiring w = new Wiring(new ConfigLoader(Path.of("config"), env()), Path.of("config"), data, clock)) {
            w.posts()
                    .add(
                            window,
                            IntStream.range(0, window.size())
                                    .mapToObj(i -> junk)
                                    .toList(),
                            OLD);
            w.posts().add(List.of(lastWeek), List.of(junk), OLD);

            DigestEditions.Edition edition = w.editions(data.resolve("site")).make(SLOT);

            assertThat(edition.digest().items()).isNotEmpty();
            Map<String, String> models = new HashMap<>();
            TestDb.column(w.db(), "SELECT platform_id || '=' || embedding_model FROM post")
                    .forEach(r -> models.put(r.substring(0, r.indexOf('=')), r.substring(r.indexOf('=') + 1)));
            assertThat(models).containsEntry("1", OLD);
            assertThat(models.values()).filteredOn(BgeEmbedder.MODEL::equals).hasSize(window.size());
            List<StoredPost> stored = w.posts().inWindow(SLOT.windowStart(), SLOT.windowEnd()).stream()
                    .filter(p -> !p.post().text().contains("http"))
                    .toList();
            assertThat(stored).hasSizeGreaterThan(window.size() / 2);
            List<float[]> expected =
                    w.embedder().embed(stored.stream().map(p -> p.post().text()).toList());
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i).embedding()).containsExactly(expected.get(i));
            }
        }
    }
}
