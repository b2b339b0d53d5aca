package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.bench.SyntheticCorpus;
import dev.aidigest.channel.Reply;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.command.DigestReplies;
import dev.aidigest.config.AppConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.edition.DigestEditions;
import dev.aidigest.ingest.Post;
import dev.aidigest.json.Jackson;
import dev.aidigest.render.MarkdownRenderer;
import dev.aidigest.render.SiteWriter;
import dev.aidigest.report.DayItem;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.DigestStore;
import dev.aidigest.store.OpsStore;
import dev.aidigest.store.PostStore;
import dev.aidigest.store.ReportStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import dev.aidigest.web.ServeMetrics;
import dev.aidigest.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day of the biggest news: one launch told by 150 accounts in 600 posts, amid smaller stories,
 * goes through the real pipeline (stored posts with vectors, the digest build with the offline
 * summarizer, the stores) and comes out whole: every name and post kept in the database and the JSON
 * API, four names and a count wherever the item is shown. {@link BigStoryPostgresIT} runs it on
 * PostgreSQL.
 *
 * <p>The vectors are made, not embedded: the story's posts all lie next to one direction and the
 * others are random, so the clusterer certainly makes one story of them and this test is about size,
 * not about clustering.
 */
class BigStoryTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Slot SLOT = Slot.parse("2025.11.26.16", SHANGHAI);
    static final int AUTHORS = 150;
    static final int POSTS_EACH = 4;
    static final int DIMS = 512;

    @TempDir
    Path dir;

    Database db;
    final Clock clock = Clock.fixed(SLOT.windowEnd().plusSeconds(393), SHANGHAI);
    final List<SyntheticCorpus.Account> tellers = SyntheticCorpus.accounts(AUTHORS, 11);

    Database open() {
        return TestDatabases.h2(dir);
    }

    @BeforeEach
    void setUp() {
        db = open();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aStoryOf150AuthorsAnd600PostsIsBuiltStoredShownAndRebuiltInPlace() throws Exception {
        storeWindow();
        DigestStore digests = new DigestStore(db, clock);
        DigestEditions editions = editions(digests);

        DigestEditions.Edition first = editions.make(SLOT);

        DigestItem big = first.digest().items().get(0);
        assertThat(big.authors()).hasSize(AUTHORS);
        assertThat(big.postIds()).hasSize(AUTHORS * POSTS_EACH);
        List<String> names = big.authors();
        String credit =
                names.get(0) + " / " + names.get(1) + " / " + names.get(2) + " / " + names.get(3) + " 等 146 位作者";
        assertThat(creditLine(first.markdown(), big.url())).isEqualTo(credit);

        ArchivedDigest stored =
                new ArchiveStore(db).bySlot("digest", SLOT.name()).orElseThrow();
        assertThat(stored.items().get(0).authors()).containsExactlyElementsOf(names);
        List<DayItem> day = new ReportStore(db, clock).items(SLOT.windowStart(), SLOT.windowEnd());
        assertThat(day.get(0).authors()).containsExactlyElementsOf(names);
        assertThat(day.get(0).postIds()).containsExactlyInAnyOrderElementsOf(big.postIds());

        Reply reply = new DigestReplies().of(stored);
        String itemLine = reply.blocks().get(1).plainText().lines().findFirst().orElseThrow();
        assertThat(itemLine).startsWith("1. " + big.headline()).endsWith(" - " + credit);

        try (WebServer web = webServer()) {
            String base = "http://127.0.0.1:" + web.start(0);
            HttpResponse<String> page = get(base + "/digests/" + SLOT.name());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("</a> - " + credit + "<br>");
            assertThat(get(base + "/feed.xml").body()).contains("&lt;/a&gt; - " + credit + "&lt;br&gt;");
            JsonNode api =
                    Jackson.json().readTree(get(base + "/api/digests/latest").body());
            List<String> apiNames = new ArrayList<>();
            api.get("items").get(0).get("authors").forEach(n -> apiNames.add(n.asText()));
            assertThat(apiNames).containsExactlyElementsOf(names);
        }

        List<String> itemsBefore = itemRows(first.id());
        DigestEditions.Edition again = editions.make(SLOT);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(digests.count()).isEqualTo(1);
        assertThat(again.digest().items().get(0).authors()).containsExactlyElementsOf(names);
        assertThat(itemRows(first.id())).hasSameSizeAs(itemsBefore);
        int authorsOfAllItems = again.digest().items().stream()
                .mapToInt(i -> i.authors().size())
                .sum();
        assertThat(count("SELECT COUNT(*) FROM digest_item_author a JOIN digest_item i ON i.id = a.item_id"
                        + " WHERE i.digest_id = " + first.id()))
                .isEqualTo(authorsOfAllItems);
        assertThat(count("SELECT COUNT(*) FROM digest_item_author")).isEqualTo(authorsOfAllItems);
        assertThat(count("SELECT COUNT(*) FROM digest_item_post p JOIN digest_item i ON i.id = p.item_id"
                        + " WHERE i.position = 1"))
                .isEqualTo(AUTHORS * POSTS_EACH);
    }

    /** The big story (each teller posts 4 of the launch's texts) and 60 two-post stories about other things. */
    private void storeWindow() {
        Random r = new Random(5);
        // texts the filter drops as engagement bait ("Hot take: … nobody is talking about it") are
        // left out: this test is about a story's size, the filter has tests of its own
        PostFilter filter = PostFilter.fromConfigDir(
                Path.of("config"), Set.of(tellers.get(0).handle()));
        List<String> launch = SyntheticCorpus.launch(40, 3).texts().stream()
                .filter(t -> filter.reasonToDrop(post(0, tellers.get(0).handle(), "x", t, new Random(0))) == null)
                .toList();
        float[] storyDirection = randomUnit(r);
        List<Post> posts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        int n = 0;
        for (int k = 0; k < POSTS_EACH; k++) {
            for (SyntheticCorpus.Account a : tellers) {
                posts.add(post(++n, a.handle(), a.name(), launch.get(r.nextInt(launch.size())), r));
                vectors.add(near(storyDirection, r));
            }
        }
        for (SyntheticCorpus.Story s : SyntheticCorpus.stories(60, 8)) {
            float[] direction = randomUnit(r);
            for (int k = 0; k < 2; k++) {
                String handle = "acct" + r.nextInt(1000);
                posts.add(post(++n, handle, handle, s.texts().get(k), r));
                vectors.add(near(direction, r));
            }
        }
        new PostStore(db, clock).add(posts, vectors, "bge-small-zh-v1.5-q");
    }

    private DigestEditions editions(DigestStore digests) {
        ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
        // the tellers are followed accounts, as a digest's sources are: strangers get no benefit
        // of the doubt from the filter, and this test is about size, not about noise
        List<SourcesConfig.Account> followed = new ArrayList<>(loader.sources().accounts());
        tellers.forEach(a -> followed.add(new SourcesConfig.Account(a.handle(), a.name(), 1.0, false)));
        DigestBuilder builder = DigestBuilder.create(
                new PostStore(db, clock),
                digests,
                new OfflineSummarizer(),
                loader.app(),
                new SourcesConfig(followed, loader.sources().feeds()),
                Path.of("config"));
        return new DigestEditions(builder, new MarkdownRenderer(), digests, new SiteWriter(dir.resolve("site")), clock);
    }

    private WebServer webServer() {
        AppConfig config = TestConfigs.noChat();
        ServeMetrics metrics = new ServeMetrics(new OpsStore(db), clock);
        return new WebServer(
                List.of(), ServeWeb.routes(db, new ArchiveStore(db), new SearchStore(db), config, metrics, clock));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What follows {@code [headline](url) - } on the item's line. */
    private static String creditLine(String markdown, String url) {
        String marker = "](" + url + ") - ";
        String line =
                markdown.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        return line.substring(line.indexOf(marker) + marker.length());
    }

    private List<String> itemRows(long digestId) {
        return TestDb.column(db, "SELECT position FROM digest_item WHERE digest_id = " + digestId);
    }

    private int count(String sql) {
        return Integer.parseInt(TestDb.column(db, sql).get(0));
    }

    private static Post post(int n, String handle, String name, String text, Random r) {
        String id = String.valueOf(1_993_000_000_000_000_000L + n);
        return new Post(
                "x",
                id,
                handle,
                name,
                text,
                SLOT.windowStart().plusSeconds(r.nextInt(4 * 3600)),
                "https://x.com/" + handle + "/status/" + id,
                null,
                new Post.Metrics(20 + r.nextInt(500), r.nextInt(50), r.nextInt(20), 0, 0),
                null,
                List.of(),
                List.of(),
                id);
    }

    private static float[] randomUnit(Random r) {
        return near(new float[DIMS], 1.0, r);
    }

    /** {@code v} plus a little noise, at unit length: cosine about 0.99 to {@code v}. */
    private static float[] near(float[] v, Random r) {
        return near(v, 0.1, r);
    }

    private static float[] near(float[] v, double noise, Random r) {
        float[] out = new float[DIMS];
        double norm = 0;
        for (int d = 0; d < DIMS; d++) {
            out[d] = (float) (v[d] + noise / Math.sqrt(DIMS) * r.nextGaussian());
            norm += out[d] * out[d];
        }
        for (int d = 0; d < DIMS; d++) {
            out[d] /= (float) Math.sqrt(norm);
        }
        return out;
    }
}
