package dev.aidigest.edition;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.LabelledSet;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.ingest.Embedder;
import dev.aidigest.ingest.Format;
import dev.aidigest.ingest.IngestService;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.json.Jackson;
import dev.aidigest.llm.BgeEmbedder;
import dev.aidigest.render.MarkdownRenderer;
import dev.aidigest.render.SiteWriter;
import dev.aidigest.store.Database;
import dev.aidigest.store.DigestStore;
import dev.aidigest.store.PostStore;
import dev.aidigest.testing.FakeEmbedder;
import dev.aidigest.testing.InMemorySourceStates;
import dev.aidigest.testing.Posts;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Vectors of an older embedding model are renewed through the real store before a digest is built:
 * on an H2 file database here, on PostgreSQL in {@link VectorRenewalPostgresIT}.
 */
class VectorRenewalTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Slot SLOT = Slot.parse("2025.11.26.16", SHANGHAI);
    static final Clock CLOCK = Clock.fixed(SLOT.windowEnd().plusSeconds(600), SHANGHAI);
    static final Instant SINCE = SLOT.windowEnd().minus(Duration.ofHours(48));
    /** The name the model had before it read lower-cased text. */
    static final String OLD = "bge-small-zh-v1.5-q";

    static BgeEmbedder bge;

    @TempDir
    Path dir;

    final List<Database> opened = new ArrayList<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    /** A fresh, migrated database; each call a new one. */
    Database open(String name) {
        return TestDatabases.h2(dir.resolve(name));
    }

    @BeforeAll
    static void loadModel() {
        bge = new BgeEmbedder();
    }

    @AfterAll
    static void closeModel() {
        bge.close();
    }

    @AfterEach
    void closeAll() {
        renewalLog().detachAppender(logs);
        opened.forEach(Database::close);
    }

    private Database db(String name) {
        Database db = open(name);
        opened.add(db);
        return db;
    }

    private static IngestService ingest(PostStore store, Embedder embedder) {
        return new IngestService(
                Parsers.all(Map.of(), CLOCK),
                store,
                embedder,
                new InMemorySourceStates(),
                CLOCK,
                10L << 20,
                Duration.ofHours(24));
    }

    private static float[] unit(int axis, int dims) {
        float[] v = new float[dims];
        v[axis % dims] = 1;
        return v;
    }

    private static Map<String, String> models(Database db) {
        Map<String, String> out = new HashMap<>();
        for (String row : TestDb.column(db, "SELECT platform_id || '=' || COALESCE(embedding_model, '-') FROM post")) {
            out.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        return out;
    }

    private static Map<String, float[]> vectors(PostStore store) {
        Map<String, float[]> out = new HashMap<>();
        store.inWindow(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .forEach(p -> out.put(p.post().platformId(), p.embedding()));
        return out;
    }

    @Test
    void theHorizonCoversTheRepeatGuardsHistoryAndIsNeverUnderTwoDays() {
        assertThat(VectorRenewal.horizon(24)).isEqualTo(Duration.ofHours(48));
        assertThat(VectorRenewal.horizon(0)).isEqualTo(Duration.ofHours(48));
        assertThat(VectorRenewal.horizon(72))
                .as("72 h of earlier items, each from a 4 h window, and one slot more")
                .isEqualTo(Duration.ofHours(80));
    }

    @Test
    void outdatedVectorsSinceTheHorizonGetTheCurrentModelsOnceAndOlderPostsKeepTheirs() {
        Database db = db("one");
        PostStore store = new PostStore(db, CLOCK);
        FakeEmbedder fake = new FakeEmbedder();
        Instant inWindow = SLOT.windowStart().plusSeconds(60);
        List<Post> old = IntStream.range(0, 70)
                .mapToObj(i -> Posts.x("r" + i, "dotey", "宝玉", "第 " + i + " 条 https://t.co/" + i, inWindow))
                .toList();
        List<Post> beforeHorizon = List.of(
                Posts.x("o1", "dotey", "宝玉", "两天前", SINCE.minusMillis(1)),
                Posts.x("o2", "dotey", "宝玉", "更早", SINCE.minus(Duration.ofDays(30))));
        Post unnamed = Posts.x("u", "dotey", "宝玉", "没有向量", inWindow);
        Post current = Posts.x("c", "dotey", "宝玉", "新模型", inWindow);
        store.add(old, old.stream().map(p -> unit(0, 8)).toList(), OLD);
        store.add(beforeHorizon, List.of(unit(1, 8), unit(2, 8)), OLD);
        store.add(List.of(unnamed), java.util.Collections.<float[]>singletonList(null), OLD);
        store.add(List.of(current), List.of(unit(3, 8)), fake.model());
        IngestService ingest = ingest(store, fake);

        assertThat(ingest.renewEmbeddings(SINCE)).isEqualTo(71);

        Map<String, String> models = models(db);
        Map<String, float[]> vectors = vectors(store);
        for (Post p : old) {
            assertThat(models.get(p.platformId())).isEqualTo(fake.model());
            assertThat(vectors.get(p.platformId()))
                    .containsExactly(new FakeEmbedder()
                            .embed(List.of(p.text().replaceAll(" https://\\S+", "")))
                            .get(0));
        }
        assertThat(models.get("u")).isEqualTo(fake.model());
        assertThat(vectors.get("u")).hasSize(8);
        assertThat(models).containsEntry("o1", OLD).containsEntry("o2", OLD).containsEntry("c", fake.model());
        assertThat(vectors.get("o1")).containsExactly(unit(1, 8));
        assertThat(vectors.get("o2")).containsExactly(unit(2, 8));
        assertThat(vectors.get("c"))
                .as("the current model's vector is not made again")
                .containsExactly(unit(3, 8));
        assertThat(fake.textsEmbedded()).isEqualTo(71);

        assertThat(ingest.renewEmbeddings(SINCE)).isZero();
        assertThat(fake.textsEmbedded()).isEqualTo(71);
        assertThat(store.renewVectors(List.of(1L), List.of(unit(4, 8)), fake.model()))
                .as("a post with the current model's vector is left as it is")
                .isZero();
    }

    @Test
    void theDigestBuiltAfterRenewalIsTheOneFreshlyImportedPostsGive() throws IOException {
        LabelledSet labelled =
                LabelledSet.load("/clustering/labelled_posts.jsonl", SLOT.windowStart(), new FakeEmbedder());

        // A: the posts imported by the current model
        Database a = db("fresh");
        PostStore freshStore = new PostStore(a, CLOCK);
        ingest(freshStore, bge).importFile(jsonl(labelled), Format.JSONL);
        List<StoredPost> fresh = freshStore.inWindow(SLOT.windowStart(), SLOT.windowEnd());
        assertThat(fresh).hasSize(labelled.posts().size());
        // one post before the horizon: it counts for its author's median engagement, not for vectors
        Post beforeHorizon = Posts.x("1", "dotey", "宝玉", "上周的旧帖子", SINCE.minus(Duration.ofHours(1)));
        freshStore.add(List.of(beforeHorizon), List.of(fresh.get(0).embedding()), BgeEmbedder.MODEL);

        // B: the same posts with vectors an older model made (here: other posts' vectors, as meaningless
        // next to the new ones)
        Database b = db("upgraded");
        PostStore upgradedStore = new PostStore(b, CLOCK);
        int n = fresh.size();
        upgradedStore.add(
                fresh.stream().map(StoredPost::post).toList(),
                IntStream.range(0, n)
                        .mapToObj(i -> fresh.get((i + 29) % n).embedding())
                        .toList(),
                OLD);
        upgradedStore.add(List.of(beforeHorizon), List.of(fresh.get(0).embedding()), OLD);

        String expected = editions(a, freshStore, renewing(ingest(freshStore, bge)), "a")
                .make(SLOT)
                .markdown();
        String stale =
                editions(b, upgradedStore, VectorRenewal.NONE, "b0").make(SLOT).markdown();
        assertThat(stale).as("old vectors make another digest").isNotEqualTo(expected);

        logs.start();
        renewalLog().addAppender(logs);
        DigestEditions upgraded = editions(b, upgradedStore, renewing(ingest(upgradedStore, bge)), "b");
        String renewed = upgraded.make(SLOT).markdown();
        assertThat(renewed).isEqualTo(expected);
        assertThat(models(b)).containsEntry("1", OLD);
        assertThat(models(b).values()).filteredOn(BgeEmbedder.MODEL::equals).hasSize(n);
        assertThat(infoLines()).anyMatch(l -> l.contains("renewed the vectors of " + n + " posts"));

        logs.list.clear();
        assertThat(upgraded.make(SLOT).markdown()).isEqualTo(expected);
        assertThat(infoLines()).noneMatch(l -> l.contains("renewed"));
    }

    private DigestEditions editions(Database db, PostStore store, VectorRenewal renewal, String site) {
        ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
        DigestStore digests = new DigestStore(db, CLOCK);
        DigestBuilder builder = DigestBuilder.create(
                store, digests, new OfflineSummarizer(), loader.app(), loader.sources(), Path.of("config"));
        return new DigestEditions(
                builder, new MarkdownRenderer(), digests, new SiteWriter(dir.resolve("site-" + site)), CLOCK, renewal);
    }

    private static VectorRenewal renewing(IngestService ingest) {
        int repeatWindowHours =
                new ConfigLoader(Path.of("config"), Map.of()).app().digest().repeatWindowHours();
        return VectorRenewal.of(ingest::renewEmbeddings, repeatWindowHours);
    }

    private Path jsonl(LabelledSet labelled) throws IOException {
        ObjectMapper json = Jackson.json();
        StringBuilder lines = new StringBuilder();
        for (StoredPost sp : labelled.posts()) {
            Post p = sp.post();
            ObjectNode n = json.createObjectNode()
                    .put("id", p.platformId())
                    .put("author_handle", p.authorHandle())
                    .put("author_name", p.authorName())
                    .put("text", p.text())
                    .put("created_at", p.createdAt().toString())
                    .put("likes", p.metrics().likes())
                    .put("reposts", p.metrics().reposts())
                    .put("replies", p.metrics().replies())
                    .put("quotes", p.metrics().quotes());
            lines.append(json.writeValueAsString(n)).append('\n');
        }
        return Files.writeString(dir.resolve("labelled.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private static Logger renewalLog() {
        return (Logger) LoggerFactory.getLogger(VectorRenewal.class);
    }

    private List<String> infoLines() {
        return logs.list.stream()
                .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
