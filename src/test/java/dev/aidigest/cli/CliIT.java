package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.DigestFormat;
import dev.aidigest.testing.Jar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outside contract, through the built jar in a fresh directory: {@code demo}, {@code import},
 * {@code digest --at}, exit codes, and bad files that leave the database as it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {

    @TempDir
    static Path work;

    static Jar.Result demo;

    @BeforeAll
    static void runDemo() throws Exception {
        demo = Jar.run(work, Map.of(), "demo");
    }

    @Test
    @Order(1)
    void demoPrintsADigestInTheSeedsForm() throws IOException {
        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        DigestFormat.Parsed d = DigestFormat.parse(demo.stdout());
        assertThat(d.slot()).isEqualTo("2025.11.26.16");
        assertThat(d.items()).hasSizeBetween(10, 17);
        assertThat(d.categories()).hasSizeBetween(3, 6);
        assertThat(demo.stdout()).contains("离线摘要");
        assertThat(work.resolve("site/content/posts/2025.11.26.16.md"))
                .content(StandardCharsets.UTF_8)
                .isEqualTo(demo.stdout());
        assertThat(demo.stdout()).doesNotContain("INFO").doesNotContain("WARN");
    }

    @Test
    @Order(2)
    void demoMergesAMultiAuthorStoryAndCreditsEveryAuthor() {
        DigestFormat.Parsed d = DigestFormat.parse(demo.stdout());
        DigestFormat.Item flux = d.items().stream()
                .filter(i -> i.headline().contains("FLUX.2"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no FLUX.2 item:\n" + demo.stdout()));
        assertThat(flux.authors()).contains("merve", "歸藏(guizang.ai)", "clem 🤗");
        assertThat(d.items().stream()
                        .filter(i ->
                                i.headline().contains("FLUX.2") || i.summary().contains("FLUX.2"))
                        .count())
                .as("FLUX.2 told once")
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void demoLinksAreDistinctPostsOfTheWindow() throws IOException {
        DigestFormat.Parsed d = DigestFormat.parse(demo.stdout());
        Set<String> ids = new HashSet<>();
        for (DigestFormat.Item i : d.items()) {
            assertThat(ids.add(i.statusId())).as("duplicate link " + i.url()).isTrue();
            Instant at = snowflakeTime(i.statusId());
            assertThat(at).isBetween(Instant.parse("2025-11-26T04:00:00Z"), Instant.parse("2025-11-26T07:59:59.999Z"));
        }
        assertThat(demo.stdout()).doesNotContain("HACKED\n").doesNotContain("<script>");
    }

    @Test
    @Order(4)
    void reimportingTheSameFileAddsNothing() throws Exception {
        Path file = work.resolve("posts.jsonl");
        Files.writeString(file, """
        {"id":"9001","author_handle":"karpathy","author_name":"Andrej Karpathy","text":"nanochat d32 is out: a $800 ChatGPT clone","created_at":"2025-11-26T09:10:00Z"}
        {"id":"9002","author_handle":"dotey","author_name":"宝玉","text":"Karpathy 的 nanochat 新版本只需 800 美元就能训练","created_at":"2025-11-26T09:20:00Z"}
        """, StandardCharsets.UTF_8);
        Jar.Result first = Jar.run(work, Map.of(), "import", file.toString(), "--format", "jsonl");
        Jar.Result second = Jar.run(work, Map.of(), "import", file.toString());
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stderr()).contains("2 new");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stderr()).contains("0 new").contains("2 already stored");
    }

    @Test
    @Order(5)
    void badFilesExitTwoWithOneLineAndChangeNothing() throws Exception {
        Path broken = work.resolve("broken.json");
        Files.writeString(broken, "{\"data\": [{\"id\": \"1\", \"text\": \"x\"");
        Path bomb = work.resolve("bomb.xml");
        Files.writeString(bomb, """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <rss version="2.0"><channel><title>t</title><item><title>&lol3;</title></item></channel></rss>
        """);
        Path badUtf8 = work.resolve("bad.jsonl");
        Files.write(badUtf8, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        String before =
                Jar.run(work, Map.of(), "digest", "--at", "2025.11.26.16").stdout();

        for (Path bad : List.of(broken, bomb, badUtf8)) {
            Jar.Result r = Jar.run(work, Map.of(), "import", bad.toString());
            assertThat(r.exitCode()).as(bad + ": " + r.stderr()).isEqualTo(2);
            List<String> errorLines =
                    r.stderr().lines().filter(l -> l.startsWith("ai-digest:")).collect(Collectors.toList());
            assertThat(errorLines).as(r.stderr()).hasSize(1);
        }
        Jar.Result missing = Jar.run(work, Map.of(), "import", "no-such-file.json");
        assertThat(missing.exitCode()).isEqualTo(2);

        String after =
                Jar.run(work, Map.of(), "digest", "--at", "2025.11.26.16").stdout();
        assertThat(stripDate(after)).isEqualTo(stripDate(before));
    }

    @Test
    @Order(6)
    void deadLlmEndpointStillGivesTheDigest() throws Exception {
        Jar.Result r = Jar.run(
                work,
                Map.of("AIDIGEST_LLM_BASE_URL", "http://127.0.0.1:9/v1", "AIDIGEST_LLM_API_KEY", "k"),
                "digest",
                "--at",
                "2025-11-26T16:30:00+08:00");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(DigestFormat.parse(r.stdout()).items()).hasSizeBetween(10, 17);
        assertThat(r.stderr()).containsIgnoringCase("warn");
    }

    @Test
    @Order(7)
    void badUsageExitsTwo() throws Exception {
        assertThat(Jar.run(work, Map.of(), "digest", "--at", "yesterday").exitCode())
                .isEqualTo(2);
        assertThat(Jar.run(work, Map.of(), "frobnicate").exitCode()).isEqualTo(2);
        assertThat(Jar.run(work, Map.of(), "import", "x.json", "--format", "csv")
                        .exitCode())
                .isEqualTo(2);
    }

    static String stripDate(String md) {
        return md.replaceAll("(?m)^date: .*$", "");
    }

    /** Tweet ids carry their creation time (Twitter snowflake: ms since 2010-11-04T01:42:54.657Z in the top bits). */
    static Instant snowflakeTime(String id) {
        return Instant.ofEpochMilli((Long.parseLong(id) >> 22) + 1288834974657L);
    }
}
