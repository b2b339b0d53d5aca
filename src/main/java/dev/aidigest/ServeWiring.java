package dev.aidigest;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.SupervisedBot;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.discord.DiscordBot;
import dev.aidigest.channel.discord.DiscordWebhookChannel;
import dev.aidigest.channel.lark.LarkBot;
import dev.aidigest.channel.lark.LarkChannel;
import dev.aidigest.channel.lark.LarkCustomBotChannel;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.channel.telegram.TelegramChannel;
import dev.aidigest.cluster.ClusterNode;
import dev.aidigest.cluster.ReceiverLeases;
import dev.aidigest.command.Archive;
import dev.aidigest.command.CommandCatalog;
import dev.aidigest.command.CommandRouter;
import dev.aidigest.command.Commands;
import dev.aidigest.command.Subscriptions;
import dev.aidigest.command.TopicSearch;
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
import dev.aidigest.mcp.ArchiveTools;
import dev.aidigest.mcp.McpRoutes;
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
import dev.aidigest.store.RateBudgetStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.store.SiteArchiveStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.text.Aliases;
import dev.aidigest.web.ApiRoutes;
import dev.aidigest.web.ArchiveRoutes;
import dev.aidigest.web.BotHealth;
import dev.aidigest.web.Health;
import dev.aidigest.web.HttpLimits;
import dev.aidigest.web.OpsChecks;
import dev.aidigest.web.OpsRoutes;
import dev.aidigest.web.ReadSpendHealth;
import dev.aidigest.web.Routes;
import dev.aidigest.web.ServeMetrics;
import dev.aidigest.web.SlotHealth;
import dev.aidigest.web.TimedConversation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
     * Everything {@code serve} runs. Posts and digest items are indexed for search as they are stored;
     * what an older database holds unindexed is indexed once, in the background, from the start.
     */
    public static Serve serve(
            AppConfig config,
            ScheduleSettings schedule,
            Database db,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            Clock clock) {
        return serve(config, schedule, db, ingest, digests, reports, Aliases.bundled(), clock);
    }

    /** As above, with the names /topic and /follow treat as one ({@code config/aliases.yml}). */
    public static Serve serve(
            AppConfig config,
            ScheduleSettings schedule,
            Database db,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            Aliases aliases,
            Clock clock) {
        return serve(config, schedule, db, ingest, digests, reports, aliases, ReadSpending.NONE, List.of(), clock);
    }

    /**
     * As above, with the paid X readers: their use and cost in /status, /healthz and /metrics, and
     * their notices (budget used, out of credits) told to the operators' chats; /healthz lists the
     * newest post of each of {@code accounts} (the X handles of sources.yml).
     */
    public static Serve serve(
            AppConfig config,
            ScheduleSettings schedule,
            Database db,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            Aliases aliases,
            ReadSpending reads,
            List<String> accounts,
            Clock clock) {
        return serve(
                config,
                schedule,
                db,
                ingest,
                digests,
                reports,
                DeliverySettings.defaults(),
                new SearchStore(db, new Tokenizer(aliases)),
                reads,
                accounts,
                null,
                clock);
    }

    /**
     * The application's {@code serve}: {@code digests} is its slot-to-chat path (it publishes through
     * {@code outbox}, which the delivery job then wakes on), and search (and its catch-up) goes through
     * {@code search}, the index the stores write.
     */
    static Serve serve(
            AppConfig config,
            ScheduleSettings schedule,
            Database db,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            SearchStore search,
            ReadSpending reads,
            List<String> accounts,
            Outbox outbox,
            Clock clock) {
        return serve(
                config,
                schedule,
                db,
                ingest,
                digests,
                reports,
                DeliverySettings.defaults(),
                search,
                reads,
                accounts,
                outbox,
                clock);
    }

    /** As above, with the delivery worker's pacing and lease spelled out. */
    public static Serve serve(
            AppConfig config,
            ScheduleSettings schedule,
            Database db,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            DeliverySettings delivery,
            Clock clock) {
        return serve(
                config,
                schedule,
                db,
                ingest,
                digests,
                reports,
                delivery,
                new SearchStore(db),
                ReadSpending.NONE,
                List.of(),
                null,
                clock);
    }

    private static Serve serve(
            AppConfig config,
            ScheduleSettings schedule,
            Database db,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            DeliverySettings delivery,
            SearchStore search,
            ReadSpending reads,
            List<String> accounts,
            Outbox published,
            Clock clock) {
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
                        Commands.all(catalog, archive, search, subscriptions, follows, reads, config.zone()),
                        new UserRateLimit(6, Duration.ofSeconds(30), clock)),
                metrics.commandTimer());

        List<ChatBot> bots = new ArrayList<>();
        AppConfig.TelegramConfig tg = config.telegram();
        if (tg != null && tg.enabled()) {
            bots.add(supervised(
                    "telegram",
                    new TelegramBot(
                            new TelegramBot.Settings(tg.token(), tg.apiUrl(), tg.webhookSecret()),
                            router,
                            chats,
                            shared(db, "telegram:" + TelegramBot.botKey(tg.token()), TelegramChannel.telegramLimits())),
                    clock));
        }
        AppConfig.DiscordConfig dc = config.discord();
        DiscordBot discord = null;
        if (dc != null && (dc.enabled() || !blank(dc.publicKey()))) { // a public key alone: HTTP interactions only
            discord = new DiscordBot(DiscordBot.Settings.of(dc), router, chats, clock);
            bots.add(supervised("discord", discord, clock));
        }
        AppConfig.LarkConfig lc = config.lark();
        if (lc != null && lc.enabled()) {
            bots.add(supervised(
                    "lark",
                    new LarkBot(
                            LarkBot.Settings.of(lc),
                            router,
                            chats,
                            shared(db, "lark:" + lc.appId(), LarkChannel.larkLimits()),
                            clock),
                    clock));
        }
        List<Channel> pushOnly = pushOnlyChannels(dc, discord, lc, router, chats, subscriptions, clock);
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
                dev.aidigest.command.DigestReplies.messages(archive, new TermMatch(search.tokenizer())),
                subscriptions,
                java.util.stream.Stream.concat(bots.stream().map(ChatBot::channel), pushOnly.stream())
                        .toList(),
                delivery,
                alerts,
                clock);
        int port = config.http() == null ? 8080 : config.http().port(); // 0: any free port
        ClusterNode cluster = cluster(db, schedule);
        Serve serve = new Serve(
                new Serve.Parts(
                        db.dataSource(),
                        db.isPostgres(),
                        schedule,
                        ingest,
                        digestAndIndex,
                        meteredReports(metrics, reports),
                        archive,
                        outbox,
                        worker,
                        bots,
                        port,
                        clock,
                        cluster),
                webRoutes(
                        db,
                        archive,
                        search,
                        config,
                        metrics,
                        clock,
                        serveChecks(config, ops, accounts, bots, lastSlot),
                        List.of(clusterSection(cluster), new ReadSpendHealth(reads))),
                HttpLimits.of(config.http()));
        serve.alsoRun(
                "search-catch-up", search::catchUp); // an older database is indexed once, meanwhile search says so
        return serve;
    }

    /** A chat bot that connects in the background and retries, so its platform being down stops nothing else. */
    private static ChatBot supervised(String platform, ChatBot bot, Clock clock) {
        return new SupervisedBot(platform, bot, Duration.ofSeconds(1), Duration.ofMinutes(5), clock);
    }

    /** What /healthz checks under serve besides the database. */
    private static List<Health.Check> serveChecks(
            AppConfig config, OpsStore ops, List<String> accounts, List<ChatBot> bots, SlotHealth lastSlot) {
        int stale = config.health() == null ? 12 : config.health().staleAfterHours();
        List<Health.Check> checks = new ArrayList<>();
        checks.add(OpsChecks.scheduler(ops));
        checks.add(OpsChecks.sources(ops, accounts, Duration.ofHours(Math.max(0, stale))));
        checks.add(now -> bots.stream()
                .filter(b -> b instanceof SupervisedBot)
                .map(b -> BotHealth.part(((SupervisedBot) b).state()))
                .toList());
        checks.add(OpsChecks.outbox(ops, OpsChecks.STUCK_AFTER));
        checks.add(lastSlot);
        return checks;
    }

    /** {@code /healthz} → {@code cluster}: this node, the nodes seen lately, and which node holds which bot's receiver. */
    static OpsRoutes.Section clusterSection(ClusterNode cluster) {
        return new OpsRoutes.Section() {
            @Override
            public String name() {
                return "cluster";
            }

            @Override
            public Object facts() {
                return cluster.receivers().view();
            }
        };
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

    /** A bot's global rate as one budget for every node on PostgreSQL; in this process on H2. */
    static Throttle shared(Database db, String bot, Throttle limits) {
        return db.isPostgres() ? limits.sharedBy(new RateBudgetStore(db, bot, limits.perSecond())) : limits;
    }

    /** The web archive: pages, search, feed and JSON API over the stored digests and reports. */
    public static List<Routes> webRoutes(
            Database db, Archive archive, TopicSearch search, AppConfig config, ServeMetrics metrics, Clock clock) {
        return webRoutes(db, archive, search, config, metrics, clock, List.of());
    }

    /** As above, with more sections of {@code /healthz}. */
    public static List<Routes> webRoutes(
            Database db,
            Archive archive,
            TopicSearch search,
            AppConfig config,
            ServeMetrics metrics,
            Clock clock,
            List<OpsRoutes.Section> health) {
        OpsStore ops = new OpsStore(db, clock);
        return webRoutes(
                db,
                archive,
                search,
                config,
                metrics,
                clock,
                List.of(OpsChecks.outbox(ops, OpsChecks.STUCK_AFTER)),
                health);
    }

    /** As above, /healthz asking {@code checks} besides the database. */
    public static List<Routes> webRoutes(
            Database db,
            Archive archive,
            TopicSearch search,
            AppConfig config,
            ServeMetrics metrics,
            Clock clock,
            List<Health.Check> checks,
            List<OpsRoutes.Section> health) {
        SiteArchiveStore site = new SiteArchiveStore(db);
        return List.of(
                new ArchiveRoutes(site, search, config.zone()),
                new ApiRoutes(
                        site,
                        archive,
                        search,
                        config.http() == null ? "" : config.http().publicUrl()),
                new OpsRoutes(new OpsStore(db, clock), metrics, clock, checks, health),
                new McpRoutes(
                        new ArchiveTools(site, archive, search, config.zone(), clock),
                        config.http() == null ? "" : config.http().publicUrl()));
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

    /**
     * Push-only chats from configuration (Discord channel webhooks, Lark custom group bots): nobody can
     * type {@code /subscribe} there, so each configured hook is subscribed to everything here.
     */
    private static List<Channel> pushOnlyChannels(
            AppConfig.DiscordConfig dc,
            DiscordBot discord,
            AppConfig.LarkConfig lc,
            Conversation router,
            ChatStore chats,
            SubscriptionStore subscriptions,
            Clock clock) {
        List<Channel> out = new ArrayList<>();
        if (dc != null && !dc.webhookUrls().isEmpty()) {
            DiscordBot rest = discord != null ? discord : new DiscordBot(DiscordBot.Settings.of(dc), router, chats);
            DiscordWebhookChannel hooks = rest.webhookChannel(dc.webhookUrls());
            hooks.chats().forEach(chat -> subscribeFromConfig(subscriptions, chat));
            out.add(hooks);
        }
        if (lc != null && !lc.customBots().isEmpty()) {
            LarkCustomBotChannel hooks = new LarkCustomBotChannel(
                    lc.customBots().stream()
                            .map(b -> new LarkCustomBotChannel.Hook(b.url(), b.secret() == null ? "" : b.secret()))
                            .toList(),
                    clock);
            hooks.chats().forEach(chat -> subscribeFromConfig(subscriptions, chat));
            out.add(hooks);
        }
        return out;
    }

    private static void subscribeFromConfig(SubscriptionStore subscriptions, ChatRef chat) {
        if (subscriptions.find(chat).filter(s -> s.active()).isEmpty()) {
            subscriptions.subscribe(chat, Subscriptions.Plan.ALL, "config");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
