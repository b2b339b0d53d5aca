package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.Jar;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} through the built jar, offline, on the sample day after {@code demo} and two more digests. */
class ReportCliIT {

    @TempDir
    Path work;

    @Test
    void theDailyReportOfTheSampleDayWithItsWordCloud() throws Exception {
        assertThat(Jar.run(work, Map.of(), "demo").exitCode()).isZero();
        assertThat(Jar.run(work, Map.of(), "digest", "--at", "2025.11.26.12").exitCode())
                .isZero();
        assertThat(Jar.run(work, Map.of(), "digest", "--at", "2025.11.26.20").exitCode())
                .isZero();

        Jar.Result r = Jar.run(work, Map.of(), "report", "--date", "2025-11-26");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .startsWith("---\ntitle: \"2025.11.26 AI日报：全球AI推文讨论总结\"\ndate: 2025-11-27T00:00:00+08:00\n")
                .contains(
                        "### 核心信息（10个关键点）",
                        "### 重要观点与见解",
                        "- **模型发布**：",
                        "### 个股与数字货币分析与市场反应",
                        "不代表市场反应",
                        "![词云图](/images/2025-11-26-wordcloud.png)",
                        "离线生成（未使用 LLM）")
                .doesNotContain("<script>", "HACKED\n");
        assertThat(work.resolve("site/content/posts/2025-11-26-daily.md"))
                .content(StandardCharsets.UTF_8)
                .isEqualTo(r.stdout());
        BufferedImage png = ImageIO.read(
                work.resolve("site/static/images/2025-11-26-wordcloud.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(800);
        assertThat(r.stdout())
                .as("stdout is the markdown only")
                .doesNotContain("INFO")
                .doesNotContain("WARN");
    }
}
