package dev.aidigest.testing;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.channel.telegram.TelegramChannel;
import dev.aidigest.command.DigestReplies;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.delivery.Outbox;
import dev.aidigest.digest.Slot;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.SubscriptionStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kill -9} at random points of {@code import}, {@code digest} (both the built jar, as a user runs
 * them) and of serve's fan-out ({@link ServeMain}: the real scheduler, delivery worker and Telegram
 * adapter) against the loopback Telegram fake, on an H2 file or a PostgreSQL schema. Half of the kills
 * land at a random moment of the run, half just after the command reported what it did, where a commit
 * that is not yet durable shows. After each kill the database is opened again and compared with what the
 * command reported: a post printed as new, a digest written to {@code site/} or a message sent must be
 * in it.
 */
public final class KillNine implements AutoCloseable {

    /** The database under test. */
    public enum Store {
        H2,
        POSTGRES
    }

    /**
     * What the runs of one command showed.
     *
     * @param killedAfterReport runs whose kill came after the command had reported (printed, written, sent)
     * @param reported          posts printed as new, digests written to the site, or messages sent
     * @param lost              of those, what the database did not keep (or, for serve, never arrived)
     * @param duplicates        messages a chat received twice, over all runs
     * @param worstPerKill      the most duplicates one kill caused (one delivery worker: the promise is 1)
     */
    public record Tally(
            String command,
            Store store,
            int runs,
            int killedAfterReport,
            int reported,
            int lost,
            int duplicates,
            int worstPerKill) {

        public String line() {
            return String.format(
                    "kill -9 %-6s on %-8s: %2d runs, %2d killed after the report, %4d reported, %d lost,"
                            + " %d duplicates (worst %d per kill of one worker)",
                    command, store, runs, killedAfterReport, reported, lost, duplicates, worstPerKill);
        }
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant FIRST_SLOT_END = Instant.parse("2025-11-26T08:00:00Z");
    static final int POSTS_PER_RUN = 5;
    static final Pattern NEW = Pattern.compile("(\\d+) new");

    private final Store store;
    private final Path work;
    private final Random random;
    private final String[] schema = new String[1];
    private final String url;

    public KillNine(Store store, Path work, long seed) {
        this.store = store;
        this.work = work;
        this.random = new Random(seed);
        this.url = store == Store.H2 ? Database.h2FileUrl(work.resolve("data")) : TestDatabases.emptyPostgres(schema);
    }

    Database open() {
        return Database.open(url, store == Store.H2 ? "" : TestDatabases.PG_USER, "");
    }

    Map<String, String> env() {
        return store == Store.H2
                ? Map.of() // the jar's default: an H2 file under ./data of its working directory
                : Map.of("AIDIGEST_DB_URL", url, "AIDIGEST_DB_USER", TestDatabases.PG_USER);
    }

    /** {@code import} of a new file of {@value #POSTS_PER_RUN} posts per run, killed at random. */
    public Tally imports(int runs) throws Exception {
        long typical = timed(() -> runJar("import", postsFile(0, 0).toString(), "--format", "jsonl"));
        int afterReport = 0;
        int reported = 0;
        int lost = 0;
        for (int run = 1; run <= runs; run++) {
            Path file = postsFile(run, 0);
            String printed = killed(typical, "new,", "import", file.toString(), "--format", "jsonl");
            int stored = count("SELECT COUNT(*) FROM post WHERE platform_id LIKE ?", idPrefix(run) + "%");
            Matcher m = NEW.matcher(printed);
            if (m.find()) {
                afterReport++;
                int n = Integer.parseInt(m.group(1));
                reported += n;
                lost += Math.max(0, n - stored);
            }
            if (stored != 0 && stored != POSTS_PER_RUN) {
                lost += POSTS_PER_RUN - stored; // an import is all or nothing: part of one is a loss too
            }
        }
        return new Tally("import", store, runs, afterReport, reported, lost, 0, 0);
    }

    /** {@code digest --at} of a different slot per run, killed at random; the posts are imported first. */
    public Tally digests(int runs) throws Exception {
        for (int slot = 0; slot <= runs; slot++) {
            runJar("import", postsFile(1000 + slot, slot).toString(), "--format", "jsonl");
        }
        long typical = timed(() -> runJar("digest", "--at", slot(0).name()));
        int afterReport = 0;
        int reported = 0;
        int lost = 0;
        for (int run = 1; run <= runs; run++) {
            Slot slot = slot(run);
            String printed = killed(typical, "written ", "digest", "--at", slot.name());
            Path page = work.resolve("site/content/posts/" + slot.name() + ".md");
            boolean told = printed.contains("written ") || Files.exists(page);
            int stored = count("SELECT COUNT(*) FROM digest WHERE kind = 'digest' AND slot = ?", slot.name());
            if (told) {
                afterReport++;
                reported++;
                lost += stored == 0 ? 1 : 0;
            }
        }
        return new Tally("digest", store, runs, afterReport, reported, lost, 0, 0);
    }

    /**
     * Per run: a digest published to {@code chats} Telegram chats, serve started, killed after a random
     * number of messages, started again until every chat has every part, then stopped.
     */
    public Tally fanOut(int runs, int chats) throws Exception {
        int sent = 0;
        int lost = 0;
        int duplicates = 0;
        int worst = 0;
        try (FakeTelegramBotApi api = new FakeTelegramBotApi()) {
            for (int run = 1; run <= runs; run++) {
                int parts;
                try (Database db = open()) {
                    SubscriptionStore subs = new SubscriptionStore(db, Clock.systemUTC());
                    for (int i = 1; i <= chats; i++) {
                        ChatRef chat = new ChatRef("telegram", String.valueOf(i), ChatRef.Kind.PRIVATE);
                        if (subs.find(chat).isEmpty()) {
                            subs.subscribe(chat, Plan.DIGEST, "u");
                        }
                    }
                    Slot slot = slot(run);
                    long id = TestDb.insertDigest(db, slot.name(), slot.windowEnd(), 17, 260);
                    parts = telegramParts(db, id, api);
                    new Outbox(new OutboxStore(db), Clock.systemUTC()).publish(id);
                }
                int from = api.calls("sendmessage#ok").size();
                int total = chats * parts;
                int killAt = 1 + random.nextInt(total - 1);
                Path log = work.resolve("serve-" + run + ".log");
                Process serve = startServe(log, api);
                waitUntil(serve, () -> sentSince(api, from).size() >= killAt, Duration.ofSeconds(90));
                serve.destroyForcibly();
                serve.waitFor(20, TimeUnit.SECONDS);
                serve = startServe(log, api);
                boolean complete =
                        waitUntil(serve, () -> distinct(sentSince(api, from)) >= total, Duration.ofSeconds(120));
                Thread.sleep(1500); // anything still coming would be a duplicate
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
                List<String> got = sentSince(api, from);
                int twice = got.size() - distinct(got);
                sent += distinct(got);
                lost += complete ? 0 : total - distinct(got);
                duplicates += twice;
                worst = Math.max(worst, twice);
            }
        }
        return new Tally("serve", store, runs, runs, sent, lost, duplicates, worst);
    }

    private int telegramParts(Database db, long digest, FakeTelegramBotApi api) {
        TelegramBot bot = new TelegramBot(
                new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, api.url(), ""),
                null,
                null,
                TelegramChannel.telegramLimits());
        return bot.channel()
                .split(new DigestReplies().of(new ArchiveStore(db).byId(digest).orElseThrow()))
                .size();
    }

    private static List<String> sentSince(FakeTelegramBotApi api, int from) {
        List<FakeTelegramBotApi.Call> calls = api.calls("sendmessage#ok");
        List<String> out = new ArrayList<>();
        for (FakeTelegramBotApi.Call c : calls.subList(from, calls.size())) {
            out.add(c.body().get("chat_id").asText() + "|"
                    + c.body().get("text").asText());
        }
        return out;
    }

    private static int distinct(List<String> messages) {
        return new HashSet<>(messages).size();
    }

    private Process startServe(Path log, FakeTelegramBotApi api) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                cp,
                ServeMain.class.getName(),
                url,
                api.url());
        pb.directory(work.toFile());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    /**
     * Runs the jar and kills it: at a random moment within {@code typical} ms, or (every other run) just
     * after its stderr shows {@code mark}. Returns what it printed on stderr.
     */
    private String killed(long typical, String mark, String... args) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = Jar.start(work, env(), out, err, args);
        if (random.nextBoolean()) {
            waitUntil(p, () -> read(err).contains(mark), Duration.ofSeconds(120));
            Thread.sleep(random.nextInt(40));
        } else {
            p.waitFor(random.nextLong(Math.max(1, typical)), TimeUnit.MILLISECONDS);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        p.waitFor(20, TimeUnit.SECONDS);
        String printed = read(err);
        Files.delete(out);
        Files.delete(err);
        return printed;
    }

    private void runJar(String... args) throws Exception {
        Jar.Result r = Jar.run(work, env(), args);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(
                    "ai-digest " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr());
        }
    }

    private static long timed(ThrowingRun run) throws Exception {
        long started = System.nanoTime();
        run.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private interface ThrowingRun {
        void run() throws Exception;
    }

    private static boolean waitUntil(Process p, java.util.function.BooleanSupplier done, Duration limit)
            throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (!p.isAlive()) {
                return done.getAsBoolean();
            }
            Thread.sleep(2);
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private int count(String sql, String arg) {
        try (Database db = open()) {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, arg);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
        }
    }

    static Slot slot(int n) {
        return Slot.endingAtOrBefore(FIRST_SLOT_END.minus(Slot.LENGTH.multipliedBy(n)), ZONE);
    }

    /** {@value #POSTS_PER_RUN} posts with ids of run {@code run}, made inside the window of {@code slot(slotNo)}. */
    /** X ids are numbers: run {@code r}'s posts are {@code 9rrrr000000}, {@code 9rrrr000001}, … */
    private static String idPrefix(int run) {
        return String.format("9%04d", run);
    }

    private Path postsFile(int run, int slotNo) throws IOException {
        Instant at = slot(slotNo).windowEnd().minus(Duration.ofMinutes(90));
        String[] who = {"merve", "clem", "op7418", "dotey", "karpathy"};
        String[] what = {
            "Black Forest Labs releases FLUX." + run
                    + ", an open image model with 4MP output and multi-reference editing",
            "FLUX." + run + " from Black Forest Labs is out: 4MP images, multi-reference editing, open weights",
            "Qwen" + run + "-VL released by Alibaba: a vision-language model that reads long documents and charts",
            "Alibaba's new Qwen" + run + "-VL tops the document understanding benchmark, weights on Hugging Face",
            "Karpathy on agents " + run + ": the bottleneck is now evaluation, not model capability"
        };
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < POSTS_PER_RUN; i++) {
            sb.append(String.format(
                    "{\"id\":\"%s%06d\",\"author_handle\":\"%s\",\"author_name\":\"%s\",\"text\":\"%s\","
                            + "\"created_at\":\"%s\",\"likes\":%d,\"reposts\":%d}%n",
                    idPrefix(run), i, who[i], who[i], what[i], at.plusSeconds(60L * i), 100 + 37 * i, 10 + i));
        }
        Path file = work.resolve("posts-" + run + ".jsonl");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() {
        if (store == Store.POSTGRES && schema[0] != null) {
            TestDatabases.dropPostgres(schema[0]);
        }
    }

    /** For a printout: how the numbers came about. */
    public static String legend() {
        return "lost = reported by the command (printed as new / written to site/ / sent) but not in the database"
                + " after the kill; duplicates = the same message twice in one chat";
    }
}
