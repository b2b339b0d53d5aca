package dev.aidigest.schedule;

import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.Webhook;
import dev.aidigest.cluster.ClusterNode;
import dev.aidigest.command.Archive;
import dev.aidigest.delivery.DeliveryWorker;
import dev.aidigest.delivery.Outbox;
import dev.aidigest.web.HttpLimits;
import dev.aidigest.web.WebServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}: the scheduler (ingest, digest, report), the delivery loop, the chat bots and the HTTP
 * server, until stopped. Several nodes may run on one PostgreSQL: Quartz's clustered store fires each
 * job once cluster-wide, every node delivers (disjoint claims), and each bot's receiver runs on the
 * node holding its lease ({@link ClusterNode}). Stopping (SIGTERM runs {@link #stop} from a shutdown
 * hook) first stops taking new work (bots stop receiving and give their leases up, the delivery loop
 * stops after the message in flight and releases its claim), then lets running jobs finish, then
 * closes the web server. Nothing is lost: what was not sent stays in the outbox for the next start.
 */
public final class Serve {

    private static final Logger log = LoggerFactory.getLogger(Serve.class);

    /** What {@code serve} runs, built by Wiring. */
    public record Parts(
            DataSource dataSource,
            boolean postgres,
            ScheduleSettings settings,
            IngestRun ingest,
            DigestRun digests,
            ReportRun reports,
            Archive archive,
            Outbox outbox,
            DeliveryWorker worker,
            List<ChatBot> bots,
            int httpPort,
            Clock clock,
            ClusterNode cluster) {

        /** A single node (H2). */
        public Parts(
                DataSource dataSource,
                boolean postgres,
                ScheduleSettings settings,
                IngestRun ingest,
                DigestRun digests,
                ReportRun reports,
                Archive archive,
                Outbox outbox,
                DeliveryWorker worker,
                List<ChatBot> bots,
                int httpPort,
                Clock clock) {
            this(
                    dataSource,
                    postgres,
                    settings,
                    ingest,
                    digests,
                    reports,
                    archive,
                    outbox,
                    worker,
                    bots,
                    httpPort,
                    clock,
                    ClusterNode.single());
        }
    }

    private final Parts parts;
    private final DeliveryLoop delivery;
    private AutoCloseable listening = () -> {};
    private final QuartzSchedule schedule;
    private final WebServer web;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> background = new ArrayList<>();
    private volatile boolean running;
    private int port;

    public Serve(Parts parts) {
        this(parts, List.of());
    }

    /** @param routes the web archive's routes (pages, feed, API), served beside /healthz and the webhooks */
    public Serve(Parts parts, List<dev.aidigest.web.Routes> routes) {
        this(parts, routes, HttpLimits.defaults());
    }

    /** @param limits timeouts, minimum body rate and per-address connection cap of the HTTP server */
    public Serve(Parts parts, List<dev.aidigest.web.Routes> routes, HttpLimits limits) {
        this.parts = parts;
        this.delivery = new DeliveryLoop(parts.worker(), parts.cluster().idlePoll(), parts.clock());
        Jobs jobs = new Jobs(
                new IngestJob(parts.ingest()),
                new DigestJob(parts.digests(), parts.archive(), parts.settings(), parts.clock()),
                new ReportJob(parts.reports(), parts.outbox(), parts.settings(), parts.clock()));
        try {
            this.schedule = new QuartzSchedule(parts.dataSource(), parts.settings(), jobs, parts.postgres());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
        List<Webhook> hooks = new ArrayList<>();
        parts.bots().forEach(b -> b.webhook().ifPresent(hooks::add));
        this.web = new WebServer(hooks, routes, limits);
    }

    /**
     * Work that runs once beside everything else from the start (catching the search index up with an
     * older database); {@code task} is given "keep going", false once {@code serve} is stopping.
     */
    public synchronized void alsoRun(
            String name, java.util.function.Consumer<java.util.function.BooleanSupplier> task) {
        Thread t = new Thread(() -> task.accept(() -> running), "aidigest-" + name);
        t.setDaemon(true);
        background.add(t);
    }

    /** Starts everything; returns the HTTP port. */
    public synchronized int start() throws Exception {
        port = web.start(parts.httpPort());
        for (ChatBot bot : parts.bots()) {
            bot.start();
            parts.cluster().receivers().add(bot);
        }
        parts.cluster().receivers().start();
        schedule.install();
        parts.outbox().onPublished(delivery::wake);
        listening = parts.cluster().listen().apply(delivery::wake);
        schedule.start();
        delivery.start();
        running = true;
        background.forEach(Thread::start);
        log.info(
                "serving: http port {}, {} chat bot(s), digest cron '{}' in {}",
                port,
                parts.bots().size(),
                parts.settings().digestCron(),
                parts.settings().zone());
        return port;
    }

    /**
     * Starts and blocks until stopped. SIGTERM and SIGINT stop it and then return from here, so the
     * caller closes the database after everything that used it and the process exits 0; the JVM's
     * own shutdown (which would close the database under running jobs) is not started by them.
     */
    public void run() throws Exception {
        Thread hook = new Thread(this::stop, "aidigest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook); // other ways out (System.exit, SIGHUP) still stop cleanly
        for (String signal : java.util.List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(
                        new sun.misc.Signal(signal), sig -> new Thread(this::stop, "aidigest-sig" + signal).start());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("cannot handle SIG{} here: {}", signal, e.toString()); // the shutdown hook still stops
            }
        }
        start();
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: nothing to remove
        }
    }

    /** Clean stop; safe to call twice. */
    public synchronized void stop() {
        if (!running) {
            stopped.countDown();
            return;
        }
        running = false;
        log.info("stopping: no new work, waiting for running jobs");
        parts.outbox().onPublished(() -> {});
        parts.cluster().receivers().close();
        for (ChatBot bot : parts.bots()) {
            bot.close();
        }
        try {
            listening.close();
        } catch (Exception e) {
            log.debug("stop listening: {}", e.getMessage());
        }
        delivery.stop(parts.settings().shutdownGrace());
        for (Thread t : background) {
            try {
                t.join(parts.settings().shutdownGrace().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Thread waiter = new Thread(
                () -> {
                    try {
                        schedule.shutdown();
                    } catch (SchedulerException e) {
                        log.warn("scheduler shutdown: {}", e.getMessage());
                    }
                },
                "aidigest-scheduler-stop");
        waiter.start();
        try {
            waiter.join(parts.settings().shutdownGrace().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (waiter.isAlive()) {
            // what a job had not recorded stays in the outbox or is rebuilt on the next start
            log.warn(
                    "jobs still running after {}; stopping anyway",
                    parts.settings().shutdownGrace());
        }
        web.close();
        log.info("stopped");
        stopped.countDown();
    }

    public int port() {
        return port;
    }

    /** Test hook: the scheduler, to fire or inspect jobs. */
    org.quartz.Scheduler scheduler() {
        return schedule.scheduler();
    }
}
