package dev.aidigest.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Slot;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.store.Database;
import dev.aidigest.testing.DigestFormat;
import dev.aidigest.testing.SpendFixtures;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final MarkdownRenderer renderer = new MarkdownRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"001_e021ac972f323f8e.txt", "003_207c8a60a54f6f63.txt"})
    void theFormatCheckerAcceptsTheSeeds(String seed) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/seeds/" + seed)) {
            DigestFormat.Parsed parsed = DigestFormat.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(parsed.items()).hasSizeBetween(10, 17);
            assertThat(parsed.categories()).hasSizeBetween(3, 6);
        }
    }

    @Test
    void rendersTheSeedsStructure() {
        Digest d = digest(12, "gpt-4o-mini");
        String md = renderer.render(d);

        DigestFormat.Parsed parsed = DigestFormat.parse(md);
        assertThat(parsed.slot()).isEqualTo("2025.11.26.16");
        assertThat(parsed.categories()).containsExactly("AI模型", "AI应用", "行业洞察");
        assertThat(parsed.items()).hasSize(12);
        assertThat(parsed.items().get(1).authors()).containsExactly("merve", "歸藏(guizang.ai)", "clem 🤗");
        assertThat(parsed.items().get(1).summary()).contains("**FLUX.2**");
        assertThat(md).contains("date: 2025-11-26T16:06:33+08:00\n");
        assertThat(md).contains("\n10. [").contains("\n1.  [");
        assertThat(md).contains("本期覆盖 7 个账号，读取 88 条帖子，收录 12 条");
        assertThat(md).contains("LLM gpt-4o-mini：13 次调用");
    }

    @Test
    void theCoverageLineSaysWhatThePaidXReadersReadInTheWindowAndItsCost() {
        Database db = TestDb.h2();
        try {
            // slot 2025.11.26.16 +08:00 is the window 04:00-08:00 UTC
            TestClock clock = new TestClock(Instant.parse("2025-11-26T03:30:00Z"));
            ReadBudget x = SpendFixtures.xBudget(db, clock);
            SpendFixtures.page(x, 1, 50); // before the window: not this digest's
            clock.advance(Duration.ofHours(1));
            SpendFixtures.page(x, 100, 300); // 300 posts: $1.50 (the author was charged today already)
            clock.advance(Duration.ofHours(1));
            SpendFixtures.page(x, 400, 12); // 12 posts: $0.06

            String md = new MarkdownRenderer(SpendFixtures.spending(db, x)).render(digest(12, "gpt-4o-mini"));

            assertThat(md).contains("本期读取 X 帖子 312 条，约 $1.56*");
            assertThat(renderer.render(digest(12, "gpt-4o-mini"))).doesNotContain("读取 X 帖子");
        } finally {
            db.close();
        }
    }

    @Test
    void offlineDigestSaysSo() {
        String md = renderer.render(digest(10, "offline"));
        assertThat(md).contains("离线摘要").contains("summarizer: \"offline\"");
        DigestFormat.parse(md);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/a) ![x](https://evil.example/p.png)",
                "https://example.com/a)![x](https://evil.example/p.png)",
                "https://example.com/a\"onmouseover=alert(1)",
                "https://example.com/[a](https://evil.example)",
                "javascript:alert(1)",
                "data:text/html,<b>x</b>"
            })
    void aLinkFromAPostCannotAddAnImageOrAnotherLink(String url) {
        DigestItem item = new DigestItem(1, "k", "headline", "summary", url, List.of("A"), List.of(1L), false, 1, true);
        Digest d = new Digest(
                Slot.parse("2025.11.26.16", SHANGHAI),
                ZonedDateTime.of(2025, 11, 26, 16, 0, 1, 0, SHANGHAI),
                List.of("AI模型", "AI应用", "行业洞察"),
                List.of(item),
                1,
                1,
                LlmUsage.NONE,
                "offline");
        String md = renderer.render(d);
        String html = org.commonmark.renderer.html.HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .build()
                .render(org.commonmark.parser.Parser.builder().build().parse(md));

        assertThat(html).doesNotContain("<img").doesNotContain("href=\"https://evil.example");
        assertThat(html.split("<a ", -1)).hasSizeLessThanOrEqualTo(2);
        assertThat(html).doesNotContain("javascript:").doesNotContain("href=\"data:");
    }

    @Test
    void postTextCannotBreakTheLinkOrInjectHtml() {
        DigestItem evil = new DigestItem(
                1,
                "k",
                "look [here](https://evil.example) <script>alert(1)</script>",
                "line one\nline two <img src=x onerror=alert(1)> `code`",
                "https://x.com/a/status/1",
                List.of("A [b]"),
                List.of(1L),
                false,
                1,
                true);
        Digest d = new Digest(
                Slot.parse("2025.11.26.16", SHANGHAI),
                ZonedDateTime.of(2025, 11, 26, 16, 0, 1, 0, SHANGHAI),
                List.of("AI模型", "AI应用", "行业洞察"),
                List.of(evil),
                1,
                1,
                LlmUsage.NONE,
                "offline");
        String md = renderer.render(d);

        DigestFormat.Parsed parsed = DigestFormat.parse(md);
        assertThat(parsed.items()).singleElement().satisfies(i -> assertThat(i.url())
                .isEqualTo("https://x.com/a/status/1"));
        String html = org.commonmark.renderer.html.HtmlRenderer.builder()
                .build()
                .render(org.commonmark.parser.Parser.builder().build().parse(md));
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("href=\"https://evil.example")
                .contains("&lt;script&gt;");
        assertThat(md).contains("    line one line two");
    }

    @Test
    void emptyWindowStillRendersAValidPage() {
        Digest d = new Digest(
                Slot.parse("2025.11.26.04", SHANGHAI),
                ZonedDateTime.of(2025, 11, 26, 4, 0, 0, 0, SHANGHAI),
                List.of(),
                List.of(),
                0,
                0,
                LlmUsage.NONE,
                "offline");
        String md = renderer.render(d);
        assertThat(md).contains(MarkdownRenderer.EMPTY).contains("categories: []");
    }

    @Test
    void siteWriterReplacesThePostAtomically(@TempDir Path site) throws IOException {
        SiteWriter writer = new SiteWriter(site);
        writer.writePost("2025.11.26.16", "one");
        Path p = writer.writePost("2025.11.26.16", "two");
        assertThat(p).isEqualTo(site.resolve("content/posts/2025.11.26.16.md"));
        assertThat(Files.readString(p)).isEqualTo("two");
        try (var files = Files.list(p.getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    static Digest digest(int n, String engine) {
        List<DigestItem> items = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<String> authors = i == 2 ? List.of("merve", "歸藏(guizang.ai)", "clem 🤗") : List.of("宝玉");
            items.add(new DigestItem(
                    i,
                    "k" + i,
                    i == 2 ? "FLUX.2图像生成与编辑模型发布及测试反馈" : "标题" + i,
                    i == 2 ? "**FLUX.2** 现已发布，支持 **2K 分辨率**。" : "这是第" + i + "条摘要，说明发生了什么事。",
                    "https://x.com/dotey/status/19933" + i,
                    authors,
                    List.of((long) i),
                    false,
                    10 - i,
                    "offline".equals(engine)));
        }
        return new Digest(
                Slot.parse("2025.11.26.16", SHANGHAI),
                ZonedDateTime.of(2025, 11, 26, 16, 6, 33, 120, SHANGHAI),
                List.of("AI模型", "AI应用", "行业洞察"),
                items,
                88,
                7,
                "offline".equals(engine) ? LlmUsage.NONE : new LlmUsage(13, 9000, 2500, 0),
                engine);
    }
}
