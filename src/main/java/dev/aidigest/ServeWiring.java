package dev.aidigest;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.Conversation;
import dev.aidigest.cluster.ClusterNode;
import dev.aidigest.cluster.ReceiverLeases;
import dev.aidigest.command.CommandCatalog;
import dev.aidigest.command.CommandRouter;
import dev.aidigest.command.Commands;
import dev.aidigest.command.TopicCategories;
import dev.aidigest.command.UserRateLimit;
import dev.aidigest.config.AppConfig;
import dev.aidigest.delivery.Alerts;
import dev.aidigest.delivery.DeliverySettings;
import dev.aidigest.delivery.DeliveryWorker;
import dev.aidigest.delivery.OperatorAlerts;
import dev.aidigest.delivery.Outbox;
import dev.aidigest.edition.EditionWithheld;
import dev.aidigest.edition.Freshness;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.schedule.DigestRun;
import dev.aidigest.schedule.IngestRun;
import dev.aidigest.schedule.ReportRun;
import dev.aidigest.schedule.ScheduleSettings;
import dev.aidigest.schedule.Serve;
import dev.aidigest.search.TermMatch;
import dev.aidigest.search.Tokenizer;
import dev.aidigest.store.AlertStore;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.ChatStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.FollowStore;
import dev.aidigest.store.LeaseStore;
import dev.aidigest.store.OpsStore;
import dev.aidigest.store.OutboxListener;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.text.Aliases;
import dev.aidigest.web.HttpLimits;
import dev.aidigest.web.ReadSpendHealth;
import dev.aidigest.web.ServeMetrics;
import dev.aidigest.web.SlotHealth;
import dev.aidigest.web.TimedConversation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the chat side of {@code serve} (commands, subscriptions, outbox, Telegram, scheduler, web)
 * over the services Wiring already has. One method, every part built once, in order.
 */
public final class ServeWiring {

    private ServeWiring() {}

    /**
     * The publisher {@code digest --publish} uses: queues the digest to subscribers and /follow alerts;
     * works with or without {@code serve} running (serve's delivery job polls the outbox).
     */
    public static Outbox outbox(Database db, Clock clock) {
        return outbox(db, Aliases.bundled(), clock);
    }

    /** As above; /follow words match by the same names as /topic. */
    public static Outbox outbox(Database db, Aliases aliases, Clock clock) {
        return new Outbox(
                new OutboxStore(db),
                new Alerts(new AlertStore(db), new TermMatch(new Tokenizer(aliases)), clock),
                clock);
    }

    public static ScheduleSettings schedule(AppConfig config) {
        ScheduleSettings d = ScheduleSettings.defaults(config.zone());
        int minutes = config.ingest() == null || config.ingest().intervalMinutes() <= 0
                ? 30
                : config.ingest().intervalMinutes();
        String digestCron = config.digest() == null || blank(config.digest().cron())
                ? d.digestCron()
                : config.digest().cron();
        String reportCron = config.report() == null || blank(config.report().cron())
                ? d.reportCron()
                : config.report().cron();
        AppConfig.ScheduleConfig sc = config.schedule();
        Duration poll = sc == null || sc.deliveryPollSeconds() <= 0
                ? d.deliveryPoll()
                : Duration.ofSeconds(sc.deliveryPollSeconds());
        int catchUp = sc == null || sc.catchUpSlots() <= 0 ? d.catchUpSlots() : sc.catchUpSlots();
        Duration grace = sc == null || sc.shutdownGraceSeconds() <= 0
                ? d.shutdownGrace()
                : Duration.ofSeconds(sc.shutdownGraceSeconds());
        return new ScheduleSettings(
                d.schedulerName(),
                Duration.ofMinutes(minutes),
                digestCron,
                reportCron,
                config.zone(),
                poll,
                catchUp,
                grace);
    }

    /**
     * What {@code serve} runs on. The required parts come first; the rest default to a plain node (the
     * default delivery pacing, the bundled search names, no paid X readers, a fresh outbox) and are
     * set with the {@code with} methods.
     *
     * @param published the application's outbox: its digest run already publishes through it
     *     ({@code SlotPublisher}); null for a fresh outbox that serve's digest run publishes to itself
     * @param accounts the X handles of sources.yml, whose newest post /healthz lists
     * @param topics the topic categories that /subscribe takes and delivery selects by
     */
    public record Inputs(
            AppConfig config,
            ScheduleSettings schedule,
            Database db,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            Clock clock,
            DeliverySettings delivery,
            SearchStore search,
            ReadSpending reads,
            List<String> accounts,
            Outbox published,
            TopicCategories topics) {

        public static Inputs of(
                AppConfig config,
                ScheduleSettings schedule,
                Database db,
                IngestRun ingest,
                DigestRun digests,
                ReportRun reports,
                Clock clock) {
            return new Inputs(
                    config,
                    schedule,
                    db,
                    ingest,
                    digests,
                    reports,
                    clock,
                    DeliverySettings.defaults(),
                    new SearchStore(db),
                    ReadSpending.NONE,
                    List.of(),
                    null,
                    TopicCategories.bundled());
        }

        /** The delivery worker's pacing and lease spelled out. */
        public Inputs withDelivery(DeliverySettings d) {
            return new Inputs(
                    config, schedule, db, ingest, digests, reports, clock, d, search, reads, accounts, published,
                    topics);
        }

        /**
         * The application's parts: the search index the stores write (with the configured names), the
         * paid X readers (use and cost in /status, /healthz and /metrics, notices to the operators'
         * chats), the X accounts read, and the outbox its digest run publishes through.
         */
        public Inputs withApplication(SearchStore s, ReadSpending r, List<String> a, Outbox o) {
            return new Inputs(config, schedule, db, ingest, digests, reports, clock, delivery, s, r, a, o, topics);
        }

        /** The topic categories of the configuration directory ({@code topics.yml}). */
        public Inputs withTopics(TopicCategories t) {
            return new Inputs(
                    config, schedule, db, ingest, digests, reports, clock, delivery, search, reads, accounts, published,
                    t);
        }
    }

    /** {@code serve} of a plain node; see {@link Inputs}. */
    public static Serve serve(
            AppConfig config,
            ScheduleSettings schedule,
            Database db,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            Clock clock) {
        return serve(Inputs.of(config, schedule, db, ingest, digests, reports, clock));
    }

    /**
     * Everything {@code serve} runs, every part built once, in order. Posts and digest items are
     * indexed for search as they are stored; what an older database holds unindexed is indexed once,
     * in the background, from the start.
     */
    public static Serve serve(Inputs in) {
        AppConfig config = in.config();
        ScheduleSettings schedule = in.schedule();
        Database db = in.db();
        Clock clock = in.clock();
        SearchStore search = in.search();
        ReadSpending reads = in.reads();
        DigestRun digests = in.digests();
        Outbox published = in.published();
        OpsStore ops = new OpsStore(db, clock);
        ServeMetrics metrics = new ServeMetrics(ops, clock);
        metrics.watchReads(reads);
        CommandCatalog catalog = CommandCatalog.load();
        ArchiveStore archive = new ArchiveStore(db, clock);
        SubscriptionStore subscriptions = new SubscriptionStore(db, clock);
        FollowStore follows = new FollowStore(db, clock);
        ChatStore chats = new ChatStore(db, clock);
        Conversation router = new TimedConversation(
                new CommandRouter(
                        catalog,
                        Commands.all(
                                catalog, archive, search, subscriptions, follows, reads, in.topics(), config.zone()),
                        new UserRateLimit(6, Duration.ofSeconds(30), clock)),
                metrics.commandTimer());

        ServeBots chatBots = ServeBots.build(config, db, router, chats, subscriptions, clock);
        List<ChatBot> bots = chatBots.bots();
        List<Channel> pushOnly = chatBots.pushOnly();
        OperatorAlerts operators = new OperatorAlerts(
                bots.stream().map(ChatBot::channel).toList(),
                config.health() == null ? List.of() : config.health().alertChats());
        reads.budgets().forEach(b -> b.tellOperators(operators::send));
        Alerts alerts = new Alerts(new AlertStore(db), new TermMatch(search.tokenizer()), clock);
        // with the application's outbox, the digest run is the publishing path already (SlotPublisher)
        Outbox outbox = published != null ? published : new Outbox(new OutboxStore(db), alerts, clock);
        DigestRun makeAndPublish = published != null
                ? digests
                : slot -> {
                    long id = digests.runSlot(slot);
                    outbox.publish(id);
                    return id;
                };
        SlotHealth lastSlot = new SlotHealth(archive, config.zone());
        DigestRun digestAndIndex = slot -> {
            try {
                return metered(metrics, "digest", () -> makeAndPublish.runSlot(slot));
            } catch (Freshness.StaleSourcesException e) {
                lastSlot.withheld(slot.name(), e.getMessage());
                operators.send("⚠️ ai-digest：" + e.getMessage());
                throw e;
            } catch (EditionWithheld e) {
                lastSlot.withheld(slot.name(), e.getMessage());
                throw e;
            }
        };
        DeliveryWorker worker = new DeliveryWorker(
                new OutboxStore(db),
                dev.aidigest.command.DigestReplies.messages(
                        archive, in.topics().expanding(new TermMatch(search.tokenizer()))),
                subscriptions,
                java.util.stream.Stream.concat(bots.stream().map(ChatBot::channel), pushOnly.stream())
                        .toList(),
                in.delivery(),
                alerts,
                clock);
        int port = config.http() == null ? 8080 : config.http().port(); // 0: any free port
        ClusterNode cluster = cluster(db, schedule);
        Serve serve = new Serve(
                new Serve.Parts(
                        db.dataSource(),
                        db.isPostgres(),
                        schedule,
                        in.ingest(),
                        digestAndIndex,
                        meteredReports(metrics, in.reports()),
                        archive,
                        outbox,
                        worker,
                        bots,
                        port,
                        clock,
                        cluster),
                ServeWeb.routes(
                        db,
                        archive,
                        search,
                        config,
                        metrics,
                        clock,
                        ServeWeb.serveChecks(config, ops, in.accounts(), bots, lastSlot),
                        List.of(ServeWeb.clusterSection(cluster), new ReadSpendHealth(reads))),
                HttpLimits.of(config.http()));
        serve.alsoRun(
                "search-catch-up", search::catchUp); // an older database is indexed once, meanwhile search says so
        return serve;
    }

    /**
     * On PostgreSQL several nodes may share the database: receivers by lease, publishes announced by
     * NOTIFY. On H2 there is one process: everything is local, and delivery looks for rows every second.
     */
    static ClusterNode cluster(Database db, ScheduleSettings schedule) {
        if (!db.isPostgres()) {
            return ClusterNode.single();
        }
        return new ClusterNode(
                ReceiverLeases.of(new LeaseStore(db), ReceiverLeases.nodeId()),
                wake -> {
                    OutboxListener listener = new OutboxListener(db, wake);
                    listener.start();
                    return listener;
                },
                schedule.deliveryPoll());
    }

    private static long metered(ServeMetrics metrics, String kind, java.util.function.LongSupplier run) {
        long started = System.nanoTime();
        boolean ok = false;
        try {
            long id = run.getAsLong();
            ok = true;
            return id;
        } finally {
            metrics.run(kind, ok, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static ReportRun meteredReports(ServeMetrics metrics, ReportRun reports) {
        if (reports == ReportRun.NONE) {
            return reports; // nothing is built: nothing to count
        }
        return date -> {
            long started = System.nanoTime();
            boolean ok = false;
            try {
                java.util.OptionalLong id = reports.runDate(date);
                ok = true;
                return id;
            } finally {
                metrics.run("report", ok, Duration.ofNanos(System.nanoTime() - started));
            }
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
