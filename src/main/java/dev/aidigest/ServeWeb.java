package dev.aidigest;

import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.SupervisedBot;
import dev.aidigest.cluster.ClusterNode;
import dev.aidigest.command.Archive;
import dev.aidigest.command.TopicSearch;
import dev.aidigest.config.AppConfig;
import dev.aidigest.mcp.ArchiveTools;
import dev.aidigest.mcp.McpRoutes;
import dev.aidigest.store.Database;
import dev.aidigest.store.OpsStore;
import dev.aidigest.store.SiteArchiveStore;
import dev.aidigest.web.ApiRoutes;
import dev.aidigest.web.ArchiveRoutes;
import dev.aidigest.web.BotHealth;
import dev.aidigest.web.Health;
import dev.aidigest.web.OpsChecks;
import dev.aidigest.web.OpsRoutes;
import dev.aidigest.web.Routes;
import dev.aidigest.web.ServeMetrics;
import dev.aidigest.web.SlotHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The web side of {@code serve}: the archive's pages, search, feed and JSON API, /healthz with /metrics, and MCP at /mcp. */
public final class ServeWeb {

    private ServeWeb() {}

    /** The web archive alone (no chat side): /healthz asks the database and the outbox. */
    public static List<Routes> routes(
            Database db, Archive archive, TopicSearch search, AppConfig config, ServeMetrics metrics, Clock clock) {
        return routes(
                db,
                archive,
                search,
                config,
                metrics,
                clock,
                List.of(OpsChecks.outbox(new OpsStore(db, clock), OpsChecks.STUCK_AFTER)),
                List.of());
    }

    /** As above, /healthz asking {@code checks} besides the database and showing {@code sections}. */
    public static List<Routes> routes(
            Database db,
            Archive archive,
            TopicSearch search,
            AppConfig config,
            ServeMetrics metrics,
            Clock clock,
            List<Health.Check> checks,
            List<OpsRoutes.Section> sections) {
        SiteArchiveStore site = new SiteArchiveStore(db);
        return List.of(
                new ArchiveRoutes(site, search, config.zone()),
                new ApiRoutes(
                        site,
                        archive,
                        search,
                        config.http() == null ? "" : config.http().publicUrl()),
                new OpsRoutes(new OpsStore(db, clock), metrics, clock, checks, sections),
                new McpRoutes(
                        new ArchiveTools(site, archive, search, config.zone(), clock),
                        config.http() == null ? "" : config.http().publicUrl()));
    }

    /** What /healthz checks under serve besides the database. */
    static List<Health.Check> serveChecks(
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
}
