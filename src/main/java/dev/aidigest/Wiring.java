package dev.aidigest;

import dev.aidigest.command.TopicCategories;
import dev.aidigest.config.AppConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.delivery.Outbox;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.Summarizer;
import dev.aidigest.digest.review.DisabledMergeReview;
import dev.aidigest.digest.review.MergeReview;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.edition.DigestEditions;
import dev.aidigest.edition.Freshness;
import dev.aidigest.edition.SlotPublisher;
import dev.aidigest.edition.VectorRenewal;
import dev.aidigest.ingest.Embedder;
import dev.aidigest.ingest.IngestService;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.setup.PaidReaders;
import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.ingest.setup.Sources;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.llm.BgeEmbedder;
import dev.aidigest.llm.LangChainReportWriter;
import dev.aidigest.llm.LangChainSummarizer;
import dev.aidigest.llm.LlmMergeReview;
import dev.aidigest.render.MarkdownRenderer;
import dev.aidigest.render.SiteWriter;
import dev.aidigest.report.DailyReports;
import dev.aidigest.report.DayMaterials;
import dev.aidigest.report.MarketScan;
import dev.aidigest.report.OfflineReportWriter;
import dev.aidigest.report.ReportWriter;
import dev.aidigest.report.WordCloudPainter;
import dev.aidigest.report.WordCounts;
import dev.aidigest.schedule.ReportRun;
import dev.aidigest.search.Tokenizer;
import dev.aidigest.store.Database;
import dev.aidigest.store.DigestStore;
import dev.aidigest.store.PostStore;
import dev.aidigest.store.ReadLedgerStore;
import dev.aidigest.store.ReportStore;
import dev.aidigest.store.SearchIndex;
import dev.aidigest.store.SearchStore;
import dev.aidigest.store.SourceStateStores;
import dev.aidigest.store.SummaryStore;
import dev.aidigest.text.Aliases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The one place that builds everything, by hand: configuration first, then the shared services
 * (database, stores, embedding model, summarizer) once each, then the features on top. Expensive
 * parts are built on first use, so {@code import} never loads an LLM client and {@code digest} loads
 * the embedding model only when stored vectors of an older model need renewing.
 */
public final class Wiring implements AutoCloseable {

    private final AppConfig config;
    private final SourcesConfig sourcesConfig;
    private final Aliases aliases;
    private final Aliases terms;
    private final ConfigLoader loader;
    private final Path dataDir;
    private final TopicCategories topics;
    private final Path configDir;
    private final Clock clock;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private Database db;
    private SearchIndex searchIndex;
    private SearchStore search;
    private PostStore posts;
    private DigestStore digests;
    private Embedder embedder;
    private Summarizer summarizer;
    private MergeReview review;
    private IngestService ingest;
    private ReadSpending spending;
    private Outbox outbox;
    private dev.aidigest.ingest.Progress progress = dev.aidigest.ingest.Progress.NONE;

    Wiring(ConfigLoader loader, Path configDir, Path dataDir, Clock clock) {
        this.configDir = configDir;
        this.loader = loader;
        this.config = loader.app();
        this.sourcesConfig = loader.sources();
        this.aliases = Aliases.load(configDir); // a broken aliases.yml stops every command here, with its line
        this.topics = TopicCategories.load(configDir); // so does a broken topics.yml
        this.terms = Aliases.terms(configDir); // and a broken terms.yml
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** Reads the configuration; nothing else is built yet. */
    public static Wiring create(Path configDir, Path dataDir, Map<String, String> env) {
        ConfigLoader loader = new ConfigLoader(configDir, env);
        return new Wiring(loader, configDir, dataDir, Clock.system(loader.app().zone()));
    }

    public AppConfig config() {
        return config;
    }

    /** What {@code sources.yml} says: the accounts and feeds. */
    public SourcesConfig sourcesConfig() {
        return sourcesConfig;
    }

    /** The names of each entity in every language ({@code config/aliases.yml}, else the bundled list). */
    public Aliases aliases() {
        return aliases;
    }

    public ZoneId zone() {
        return config.zone();
    }

    public Clock clock() {
        return clock;
    }

    public synchronized Database db() {
        if (db == null) {
            String url = config.database() == null ? null : config.database().url();
            if (url == null || url.isBlank()) {
                try {
                    Files.createDirectories(dataDir);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot create data directory " + dataDir + ": " + e.getMessage(), e);
                }
                Database.checkH2Dir(dataDir);
                db = Database.open(Database.h2FileUrl(dataDir), "", "");
            } else {
                db = Database.open(
                        url, config.database().user(), config.database().password());
            }
        }
        return db;
    }

    /** The search terms, with the configured names: written by the stores in the transactions that store. */
    public synchronized SearchIndex searchIndex() {
        if (searchIndex == null) {
            searchIndex = new SearchIndex(new Tokenizer(aliases));
        }
        return searchIndex;
    }

    /** /topic, /api/search and the archive's search, over the same index the stores write. */
    public synchronized SearchStore search() {
        if (search == null) {
            search = new SearchStore(db(), searchIndex());
        }
        return search;
    }

    public synchronized PostStore posts() {
        if (posts == null) {
            posts = new PostStore(db(), clock, searchIndex());
        }
        return posts;
    }

    public synchronized DigestStore digests() {
        if (digests == null) {
            digests = new DigestStore(db(), clock, searchIndex());
        }
        return digests;
    }

    public synchronized Embedder embedder() {
        if (embedder == null) {
            BgeEmbedder bge = new BgeEmbedder();
            closeables.add(bge);
            embedder = bge;
        }
        return embedder;
    }

    /** Where long work reports its progress (the CLI passes a console bar; serve keeps quiet). */
    public synchronized void progressTo(dev.aidigest.ingest.Progress p) {
        this.progress = p;
    }

    public synchronized IngestService ingest() {
        if (ingest == null) {
            AppConfig.IngestConfig ic = config.ingest();
            ingest = new IngestService(
                    Parsers.all(sourcesConfig.displayNames(), clock),
                    posts(),
                    lazyEmbedder(),
                    new SourceStateStores(db()),
                    clock,
                    ic.maxFeedBytes(),
                    Duration.ofHours(ic.maxBackoffHours()),
                    progress);
        }
        return ingest;
    }

    /** Loads the model only when a post actually needs a vector (re-importing known posts never does). */
    private Embedder lazyEmbedder() {
        return new Embedder() {
            @Override
            public List<float[]> embed(List<String> texts) {
                return texts.isEmpty() ? List.of() : embedder().embed(texts);
            }

            @Override
            public int dimensions() {
                return embedder().dimensions();
            }

            @Override
            public String model() {
                // named without loading: a digest finds out it has nothing to renew at no cost
                return BgeEmbedder.MODEL;
            }
        };
    }

    public List<Source> sources() {
        return Sources.from(config, sourcesConfig, clock, spending());
    }

    /** The spend governors of the paid X readers (one ledger in the database), built once. */
    public synchronized ReadSpending spending() {
        if (spending == null) {
            spending = PaidReaders.from(config, new ReadLedgerStore(db()), clock);
        }
        return spending;
    }

    /** The LLM summarizer when a base URL is configured, else the offline one. */
    public synchronized Summarizer summarizer() {
        if (summarizer == null) {
            OfflineSummarizer offline = new OfflineSummarizer();
            if (config.llm() != null && config.llm().enabled()) {
                LangChainSummarizer llm = new LangChainSummarizer(
                        config.llm(),
                        loader.prompt("story"),
                        loader.prompt("categories"),
                        new SummaryStore(db(), clock),
                        offline,
                        aliases);
                summarizer = llm;
            } else {
                summarizer = offline;
            }
        }
        return summarizer;
    }

    /** The LLM's one merge-review call per digest when a base URL is configured, else none. */
    public synchronized MergeReview review() {
        if (review == null) {
            review = config.llm() != null && config.llm().enabled()
                    ? new LlmMergeReview(config.llm(), loader.prompt("merge-review"))
                    : new DisabledMergeReview();
        }
        return review;
    }

    public DigestBuilder builder() {
        return DigestBuilder.create(
                posts(), digests(), summarizer(), config, sourcesConfig, configDir, aliases, terms, review());
    }

    /** The pipeline with no LLM anywhere: the offline summarizer and no merge review ({@code digest --explain}). */
    public DigestBuilder offlineBuilder() {
        return DigestBuilder.create(
                posts(),
                digests(),
                new OfflineSummarizer(),
                config,
                sourcesConfig,
                configDir,
                aliases,
                terms,
                new DisabledMergeReview());
    }

    /** @param siteOverride {@code digest --out DIR}, or null for {@code digest.site_dir} */
    public DigestEditions editions(Path siteOverride) {
        Path site =
                siteOverride != null ? siteOverride : Path.of(config.digest().siteDir());
        return new DigestEditions(
                builder(), new MarkdownRenderer(spending()), digests(), new SiteWriter(site), clock, vectorRenewal());
    }

    /** What runs before a digest build: the vectors an older embedding model made, renewed. */
    public VectorRenewal vectorRenewal() {
        return VectorRenewal.of(
                since -> ingest().renewEmbeddings(since), config.digest().repeatWindowHours());
    }

    /** The daily reports: the LLM writer when a base URL is configured (at most 2 calls), else the offline one. */
    public DailyReports reports(Path siteOverride) {
        Path site =
                siteOverride != null ? siteOverride : Path.of(config.digest().siteDir());
        ReportStore store = new ReportStore(db(), clock);
        OfflineReportWriter offline = new OfflineReportWriter(MarketScan.standard(), clock);
        ReportWriter writer = config.llm() != null && config.llm().enabled()
                ? new LangChainReportWriter(config.llm(), loader.prompt("report"), offline, aliases)
                : offline;
        return new DailyReports(
                new DayMaterials(store, Entities.standard()),
                WordCounts.standard(aliases),
                new WordCloudPainter(WordCloudPainter.CJK_FONT),
                writer,
                store,
                site,
                config.zone(),
                clock);
    }

    /** What the scheduled report job runs: yesterday's report, stored and written to the site. */
    public ReportRun reportRun() {
        return date -> OptionalLong.of(reports(null).make(date).id());
    }

    /** Queues a stored digest to every subscription that has not had it, and its /follow alerts. */
    public synchronized Outbox outbox() {
        if (outbox == null) {
            outbox = ServeWiring.outbox(db(), aliases, clock);
        }
        return outbox;
    }

    /** Queues a stored digest to every subscription that has not had it; returns how many rows were queued. */
    public int publish(long digestId) {
        return outbox().publish(digestId);
    }

    /**
     * The one path from a slot to the chats, for {@code digest [--publish]} and the scheduled job:
     * freshness check, build, render, store (with search terms), site, publish.
     *
     * @param siteOverride {@code digest --out DIR}, or null for {@code digest.site_dir}
     */
    public SlotPublisher slotPublisher(Path siteOverride) {
        int staleHours = config.health() == null ? 12 : config.health().staleAfterHours();
        // the newest post up to the slot's end: a post dated in the future cannot make stale sources look fresh
        Freshness freshness =
                new Freshness(upTo -> posts().newestPostAt(upTo), Duration.ofHours(Math.max(0, staleHours)));
        return new SlotPublisher(freshness, editions(siteOverride), outbox());
    }

    /** {@code serve}: the scheduler runs ingest, the digest of each slot and delivery; chat bots and HTTP on top. */
    public dev.aidigest.schedule.Serve serve() {
        SlotPublisher slots = slotPublisher(null);
        List<Source> sources = sources();
        return ServeWiring.serve(ServeWiring.Inputs.of(
                        config,
                        ServeWiring.schedule(config),
                        db(),
                        () -> ingest().ingestOnce(sources),
                        slot -> slots.run(slot, true).edition().id(),
                        reportRun(),
                        clock)
                .withApplication(
                        search(),
                        spending(),
                        sourcesConfig.accounts().stream()
                                .map(SourcesConfig.Account::handle)
                                .toList(),
                        outbox())
                .withTopics(topics));
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing on the way out: nothing left to do with a failure here
            }
        }
        if (db != null) {
            db.close();
        }
    }
}
