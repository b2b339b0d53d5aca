package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.store.Database;
import dev.aidigest.testing.HostileWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile/}): every file goes through
 * {@code import} in-process (the CLI's entry point, a real H2 file database under a fresh data
 * directory) or through a webhook of the real web server, and meets the outcome written for it in
 * {@code hostile/expected.tsv}: the exit code or HTTP status, a one-line reason, and what got stored.
 */
class HostileInputTest {

    static final Path ROOT = root();
    static HostileWebhooks webhooks;

    /** One row of {@code expected.tsv}. */
    record Case(String file, String target, String auth, String expect, String stored, String message) {
        @Override
        public String toString() {
            return file + " → " + target;
        }
    }

    record Outcome(List<Integer> codes, String message) {}

    @BeforeAll
    static void start() {
        webhooks = new HostileWebhooks();
    }

    @AfterAll
    static void stop() {
        webhooks.close();
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalStateException("expected.tsv: not 6 columns: " + line);
            }
            cases.add(new Case(f[0], f[1], f[2], f[3], unescape(f[4]), unescape(f[5])));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileInputHasItsDefinedOutcome(Case c, @TempDir Path dir) throws Exception {
        Path input = input(c.file(), dir);
        boolean isImport = c.target().startsWith("import");
        int subscriptionsBefore = webhooks.subscriptions();
        Outcome out = isImport ? runImport(c, input, dir) : postWebhook(c, input);

        List<Integer> expected =
                Arrays.stream(c.expect().split(",")).map(Integer::valueOf).toList();
        assertThat(out.codes())
                .as("exit code / HTTP status; said: %s", out.message())
                .isEqualTo(expected);
        if (!c.message().equals("-")) {
            assertThat(out.message()).contains(c.message());
        }
        for (String check : c.stored().split(";")) {
            if (!check.equals("-")) {
                stored(check, dir.resolve("data"), subscriptionsBefore);
            }
        }
    }

    /** The CLI as a user runs it; a refusal is one line naming what is wrong, never SQL or a stack trace. */
    static Outcome runImport(Case c, Path input, Path dir) {
        List<String> args =
                new ArrayList<>(List.of("--data", dir.resolve("data").toString(), "import", input.toString()));
        if (c.target().contains(":")) {
            args.addAll(List.of("--format", c.target().substring(c.target().indexOf(':') + 1)));
        }
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = App.run(args.toArray(String[]::new));
        } finally {
            System.setErr(err);
        }
        // Jazzer's agent, once loaded by a fuzz test in this JVM, reports each class it instruments on
        // stderr; the test logging config lets libraries warn there; jieba says when its dictionary is
        // loaded (a partial import stores, and so indexes, the good entries). None of them is our answer.
        String said = buf.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.startsWith("INFO: Instrumented "))
                .filter(l ->
                        !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (WARN|INFO) +(?!d\\.a\\.)[a-z]\\.[a-z]\\.[a-z]\\..*"))
                .filter(l -> !l.matches("(main dict|model) load finished, time elapsed \\d+ ms\\.?"))
                .collect(java.util.stream.Collectors.joining("\n"))
                .strip();
        if (code != 0) {
            assertThat(said.lines()).as("one line on stderr").hasSize(1);
            assertThat(said)
                    .startsWith("ai-digest: ")
                    .doesNotContainIgnoringCase("sql")
                    .doesNotContain("Exception", "\tat ");
        }
        return new Outcome(List.of(code), said);
    }

    static Outcome postWebhook(Case c, Path input) throws Exception {
        String body = Files.readString(input, StandardCharsets.UTF_8);
        List<HostileWebhooks.Answer> answers = webhooks.post(
                c.target(), HostileWebhooks.Auth.valueOf(c.auth().toUpperCase(java.util.Locale.ROOT)), body);
        return new Outcome(
                answers.stream().map(HostileWebhooks.Answer::status).toList(),
                answers.get(answers.size() - 1).body());
    }

    static final Pattern SUBSCRIPTIONS = Pattern.compile("subscriptions\\+(\\d+)");

    static void stored(String check, Path data, int subscriptionsBefore) throws SQLException {
        Matcher subs = SUBSCRIPTIONS.matcher(check);
        if (subs.matches()) {
            int want = subscriptionsBefore + Integer.parseInt(subs.group(1));
            // handled off the request thread on some platforms: wait for it, and for nothing more to come
            await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.subscriptions() >= want);
            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> webhooks.subscriptions() == want);
        } else if (check.startsWith("posts=")) {
            assertThat(query(data, "SELECT COUNT(*) FROM post"))
                    .as(check)
                    .isEqualTo(check.substring("posts=".length()));
        } else if (check.startsWith("sql:")) {
            int eq = check.lastIndexOf('=');
            assertThat(query(data, check.substring(4, eq))).as(check).isEqualTo(check.substring(eq + 1));
        } else {
            throw new IllegalStateException("expected.tsv: unknown check " + check);
        }
    }

    /** The first column of the first row; {@code 0} for a count when no database was ever made. */
    static String query(Path data, String sql) throws SQLException {
        if (!Files.exists(data.resolve("aidigest.mv.db"))) {
            return sql.startsWith("SELECT COUNT(*)") ? "0" : "no database";
        }
        try (Connection c = DriverManager.getConnection(Database.h2FileUrl(data));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? Objects.toString(rs.getString(1)) : "no row";
        }
    }

    /** A corpus file, or a large input made now instead of committed. */
    static Path input(String file, Path dir) throws IOException {
        if (!file.startsWith("gen:")) {
            return ROOT.resolve(file);
        }
        switch (file) {
            case "gen:jsonl-6mb-single-line" -> {
                String text = "长".repeat(2 << 20);
                return Files.writeString(
                        dir.resolve("huge.jsonl"),
                        "{\"id\":\"1993000000000000999\",\"author_handle\":\"dotey\",\"created_at\":"
                                + "\"2025-11-26T06:00:00Z\",\"text\":\"" + text + "\"}\n");
            }
            case "gen:jsonl-dated-tomorrow" -> {
                return Files.writeString(
                        dir.resolve("tomorrow.jsonl"),
                        "{\"id\":\"1993000000000000998\",\"author_handle\":\"dotey\",\"text\":\"t\",\"created_at\":\""
                                + java.time.Instant.now().plus(Duration.ofDays(1)) + "\"}\n");
            }
            case "gen:sparse-60mb" -> {
                Path big = dir.resolve("big.json");
                try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
                    raf.setLength(60L << 20);
                }
                return big;
            }
            case "gen:telegram-2mb-body" -> {
                return Files.writeString(
                        dir.resolve("big-update.json"),
                        "{\"update_id\":910099,\"message\":{\"text\":\"" + "a".repeat(2 << 20) + "\"}}");
            }
            default -> throw new IllegalStateException("expected.tsv: no generator " + file);
        }
    }

    static String unescape(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        return m.replaceAll(r -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(r.group(1), 16))));
    }

    private static Path root() {
        try {
            return Path.of(Objects.requireNonNull(HostileInputTest.class.getResource("/hostile/expected.tsv"))
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
