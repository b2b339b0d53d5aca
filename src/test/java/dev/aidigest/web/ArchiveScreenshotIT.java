package dev.aidigest.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.ServeWeb;
import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Slot;
import dev.aidigest.render.MarkdownRenderer;
import dev.aidigest.report.DailyReport;
import dev.aidigest.report.DailyReports;
import dev.aidigest.report.DayItem;
import dev.aidigest.report.ReportRenderer;
import dev.aidigest.report.WordCloudPainter;
import dev.aidigest.report.WordCounts;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.DigestStore;
import dev.aidigest.store.OpsStore;
import dev.aidigest.store.ReportStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser looks at the archive: headless Chromium screenshots a digest page and a report
 * page at phone width (412 px). Skipped where Chromium is not installed (apt-get install chromium).
 */
class ArchiveScreenshotIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void digestAndReportPagesRenderAtPhoneWidthWithTheWordCloud() throws Exception {
        dev.aidigest.testing.SystemFiles.require(CHROMIUM, "Chromium", "apt-get install chromium");
        dev.aidigest.testing.SystemFiles.require(
                WordCloudPainter.CJK_FONT, "the CJK font", "apt-get install fonts-wqy-microhei");
        Clock clock = Clock.fixed(Instant.parse("2025-11-27T00:05:00Z"), SHANGHAI);
        try (Database db = TestDatabases.h2(dir.resolve("db"))) {
            Slot slot = Slot.parse("2025.11.26.16", SHANGHAI);
            DigestItem flux = new DigestItem(
                    1,
                    "k1",
                    "FLUX.2 发布：开放权重的图像生成模型",
                    "**FLUX.2** 发布，**32B** 开放权重 <script>alert(1)</script>。",
                    "https://x.com/bfl_ml/status/1",
                    List.of("Black Forest Labs", "歸藏(guizang.ai)"),
                    List.of(),
                    false,
                    5,
                    false);
            Digest digest = new Digest(
                    slot, slot.end(), List.of("AI模型", "AI工具", "研发进展"), List.of(flux), 20, 9, LlmUsage.NONE, "offline");
            new DigestStore(db, clock).save(digest, new MarkdownRenderer().render(digest));
            byte[] png = new WordCloudPainter(WordCloudPainter.CJK_FONT)
                    .paint(WordCounts.standard()
                            .count(
                                    List.of(
                                            "FLUX.2 发布 开放权重 图像生成 模型",
                                            "Claude Opus 4.5 编程 智能体 模型",
                                            "Nano Banana Pro 天气 卡片 城市 图片 生成",
                                            "FLUX.2 图像 模型 开源",
                                            "Claude Opus 4.5 模型 发布"),
                                    40));
            DayItem item = new DayItem(
                    slot.name(),
                    slot.windowEnd(),
                    1,
                    "k1",
                    flux.headline(),
                    flux.summary(),
                    flux.url(),
                    flux.authors(),
                    List.of(),
                    5,
                    false);
            DailyReport report = new DailyReport(
                    LocalDate.of(2025, 11, 26),
                    clock.instant().atZone(SHANGHAI),
                    "今天的讨论集中在 FLUX.2。",
                    List.of(new DailyReport.Point(flux.headline(), item)),
                    List.of(),
                    List.of(),
                    List.of("推文中未发现涉及特定上市公司股票或数字货币的讨论。"),
                    List.of(),
                    List.of(),
                    "",
                    new DailyReport.Stats(20, 9, 1, 1),
                    LlmUsage.NONE,
                    "offline");
            String md = new ReportRenderer().render(report, List.of("日报"), DailyReports.imagePath(report.date()));
            new ReportStore(db, clock).save(report, List.of("日报"), md, png);
            SearchStore search = new SearchStore(db);
            WebServer web = new WebServer(
                    List.of(),
                    ServeWeb.routes(
                            db,
                            new ArchiveStore(db),
                            search,
                            TestConfigs.noChat(),
                            new ServeMetrics(new OpsStore(db), clock),
                            clock));
            try {
                String base = "http://127.0.0.1:" + web.start(0);
                BufferedImage digestShot = screenshot(base + "/digests/2025.11.26.16", "digest", 1400);
                BufferedImage reportShot = screenshot(base + "/reports/2025-11-26", "report", 3200);

                assertThat(digestShot.getWidth()).isEqualTo(412);
                assertThat(share(digestShot, ArchiveScreenshotIT::isLinkBlue))
                        .as("the linked headline is drawn")
                        .isGreaterThan(0.0003);
                assertThat(share(reportShot, ArchiveScreenshotIT::isCloudOrange))
                        .as("the word cloud picture is loaded and drawn")
                        .isGreaterThan(0.001);
            } finally {
                web.close();
            }
        }
    }

    private BufferedImage screenshot(String url, String name, int height) throws Exception {
        Path file = dir.resolve(name + ".png");
        Process p = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--hide-scrollbars",
                        "--window-size=412," + height,
                        "--screenshot=" + file,
                        url)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        BufferedImage img = ImageIO.read(file.toFile());
        Files.copy(
                file,
                Path.of("target", "screenshot-" + name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(img).as("screenshot of " + url).isNotNull();
        return img;
    }

    private static double share(BufferedImage img, java.util.function.IntPredicate colour) {
        long hits = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                hits += colour.test(img.getRGB(x, y)) ? 1 : 0;
                n++;
            }
        }
        return (double) hits / n;
    }

    /** The archive's link colour #1a5fb4, give or take anti-aliasing. */
    private static boolean isLinkBlue(int rgb) {
        return near(rgb, 0x1a, 0x5f, 0xb4, 40);
    }

    /** An orange of the word cloud's palette (#c55a11); the page itself has no orange. */
    private static boolean isCloudOrange(int rgb) {
        return near(rgb, 0xc5, 0x5a, 0x11, 40);
    }

    private static boolean near(int rgb, int r, int g, int b, int tolerance) {
        return Math.abs((rgb >> 16 & 0xff) - r) < tolerance
                && Math.abs((rgb >> 8 & 0xff) - g) < tolerance
                && Math.abs((rgb & 0xff) - b) < tolerance;
    }
}
