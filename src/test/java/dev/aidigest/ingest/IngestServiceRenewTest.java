package dev.aidigest.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.InMemoryPostSink;
import dev.aidigest.testing.InMemorySourceStates;
import dev.aidigest.testing.Posts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link IngestService#renewEmbeddings} against the in-memory sink: what is renewed, in what batches, and after a failure. */
class IngestServiceRenewTest {
    private static final Instant NOW = Instant.parse("2025-11-26T08:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofHours(48));
    private static final String OLD = "bge-small-zh-v1.5-q";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryPostSink sink = new InMemoryPostSink();
    private final FakeEmbedder embedder = new FakeEmbedder();

    private IngestService service(Embedder e) {
        return new IngestService(
                Parsers.all(Map.of(), clock), sink, e, new InMemorySourceStates(), clock, 1 << 20, Duration.ofHours(1));
    }

    private static List<Post> posts(String prefix, int n, Instant at) {
        return IntStream.range(0, n)
                .mapToObj(i -> Posts.x(prefix + i, "dotey", "宝玉", prefix + " 第 " + i + " 条 https://t.co/x" + i, at))
                .toList();
    }

    /** A vector the current model would never make: what an older model left. */
    private static float[] old() {
        return new float[] {1, 0, 0, 0, 0, 0, 0, 0};
    }

    private static List<float[]> old(int n) {
        return IntStream.range(0, n).mapToObj(i -> old()).toList();
    }

    private float[] current(Post p) {
        return new FakeEmbedder().embed(List.of(IngestService.embeddingText(p))).get(0);
    }

    @Test
    void renewsWhatAnotherModelMadeOrNoneInBatchesFromTheImportTextAndLeavesOlderPostsAlone() {
        List<Post> recent = posts("r", 150, NOW.minus(Duration.ofHours(2)));
        List<Post> older = posts("o", 3, SINCE.minusSeconds(1));
        List<Post> edge = posts("e", 1, SINCE);
        List<Post> unnamed = posts("u", 1, NOW.minus(Duration.ofHours(1)));
        List<Post> current = posts("c", 2, NOW.minus(Duration.ofHours(1)));
        sink.add(recent, old(150), OLD);
        sink.add(older, old(3), OLD);
        sink.add(edge, old(1), OLD);
        sink.add(unnamed, java.util.Collections.<float[]>singletonList(null), OLD);
        sink.add(current, current.stream().map(this::current).toList(), embedder.model());

        int renewed = service(embedder).renewEmbeddings(SINCE);

        assertThat(renewed).isEqualTo(152);
        List<Post> expected = new ArrayList<>(recent);
        expected.addAll(edge);
        expected.addAll(unnamed);
        for (Post p : expected) {
            assertThat(sink.model("x", p.platformId())).isEqualTo(embedder.model());
            assertThat(sink.vector("x", p.platformId())).containsExactly(current(p));
        }
        for (Post p : older) {
            assertThat(sink.model("x", p.platformId())).isEqualTo(OLD);
            assertThat(sink.vector("x", p.platformId())).containsExactly(old());
        }
        assertThat(embedder.batches()).extracting(List::size).containsExactly(64, 64, 24);
        assertThat(embedder.batches().get(0))
                .as("oldest first, links left out as at import")
                .startsWith("e 第 0 条", "r 第 0 条", "r 第 1 条");
    }

    @Test
    void aSecondCallFindsNothingAndEmbedsNothing() {
        sink.add(posts("r", 70, NOW.minus(Duration.ofHours(3))), old(70), OLD);
        IngestService service = service(embedder);

        assertThat(service.renewEmbeddings(SINCE)).isEqualTo(70);
        int batches = embedder.batches().size();
        int renewCalls = sink.renewCalls();

        assertThat(service.renewEmbeddings(SINCE)).isZero();
        assertThat(embedder.batches()).hasSize(batches);
        assertThat(sink.renewCalls()).isEqualTo(renewCalls);
    }

    @Test
    void aFailureMidWayKeepsTheBatchesDoneAndTheNextCallRenewsTheRest() {
        List<Post> recent = posts("r", 150, NOW.minus(Duration.ofHours(2)));
        sink.add(recent, old(150), OLD);
        Embedder failingSecond = new Embedder() {
            private int calls;

            @Override
            public List<float[]> embed(List<String> texts) {
                if (++calls == 2) {
                    throw new IllegalStateException("inference failed");
                }
                return embedder.embed(texts);
            }

            @Override
            public int dimensions() {
                return embedder.dimensions();
            }

            @Override
            public String model() {
                return embedder.model();
            }
        };

        assertThatThrownBy(() -> service(failingSecond).renewEmbeddings(SINCE)).hasMessageContaining("inference");
        long renewedBefore = recent.stream()
                .filter(p -> embedder.model().equals(sink.model("x", p.platformId())))
                .count();
        assertThat(renewedBefore).isEqualTo(64);
        for (Post p : recent) {
            boolean renewed = embedder.model().equals(sink.model("x", p.platformId()));
            assertThat(sink.vector("x", p.platformId())).containsExactly(renewed ? current(p) : old());
        }

        sink.failNextRenew(new IllegalStateException("connection lost"));
        assertThatThrownBy(() -> service(embedder).renewEmbeddings(SINCE)).hasMessageContaining("connection");
        assertThat(recent.stream().filter(p -> OLD.equals(sink.model("x", p.platformId()))))
                .as("a failed write changes nothing")
                .hasSize(86);

        assertThat(service(embedder).renewEmbeddings(SINCE)).isEqualTo(86);
        assertThat(recent)
                .allSatisfy(p -> assertThat(sink.vector("x", p.platformId())).containsExactly(current(p)));
    }

    @Test
    void aSinkThatKeepsNothingStopsTheRenewalInsteadOfLooping() {
        sink.add(posts("r", 3, NOW.minus(Duration.ofHours(2))), old(3), OLD);
        Embedder otherName = new Embedder() {
            @Override
            public List<float[]> embed(List<String> texts) {
                return embedder.embed(texts);
            }

            @Override
            public int dimensions() {
                return embedder.dimensions();
            }

            @Override
            public String model() {
                return "renamed";
            }
        };
        PostSink forgetful = new PostSink() {
            @Override
            public java.util.Set<String> known(String platform, java.util.Collection<String> ids) {
                return sink.known(platform, ids);
            }

            @Override
            public int add(List<Post> posts, List<float[]> embeddings, String model) {
                return sink.add(posts, embeddings, model);
            }

            @Override
            public List<Outdated> outdatedVectors(Instant since, String model, int limit) {
                return sink.outdatedVectors(since, model, limit);
            }

            @Override
            public int renewVectors(List<Long> ids, List<float[]> vectors, String model) {
                return ids.size(); // says it stored them, stores nothing
            }
        };
        IngestService service = new IngestService(
                Parsers.all(Map.of(), clock),
                forgetful,
                otherName,
                new InMemorySourceStates(),
                clock,
                1 << 20,
                Duration.ofHours(1));

        assertThatThrownBy(() -> service.renewEmbeddings(SINCE)).hasMessageContaining("still have outdated vectors");
    }
}
