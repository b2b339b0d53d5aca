package dev.aidigest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Word counts keep names whole and drop stop words; the PNG decodes, has its size and is not blank. */
class WordCloudTest {

    static final List<String> POSTS = List.of(
            "Introducing Claude Opus 4.5: the best model in the world for coding, agents, and computer use.",
            "Claude Opus 4.5 发布，整理了几个重点：编程能力很强，价格也降了。",
            "Opus 4.5 is great at long-running agents.",
            "FLUX.2 is here - our most capable image generation model. FLUX.2 [dev] has open weights.",
            "FLUX.2 提前拿到了测试资格，测了几天，说下结论：一致性很好。",
            "Nano Banana Pro 的 3D 微缩城市天气卡片提示词，换个城市名就能用。",
            "用 Nano Banana Pro 生成了一张天气卡片，城市的细节很好。",
            "我们的模型开源了，模型权重在 Hugging Face 上。",
            "https://t.co/abc123 @someone the and of 的 了 是");

    @Test
    void keepsProductNamesWholeAndDropsStopWords() {
        List<WordCounts.Word> words = WordCounts.standard().count(POSTS, 50);

        List<String> texts = words.stream().map(WordCounts.Word::text).toList();
        assertThat(texts)
                .contains("Claude Opus 4.5", "FLUX.2", "Nano Banana Pro", "模型", "城市", "天气")
                .doesNotContain(
                        "Opus", "Banana", "Nano", "的", "了", "是", "the", "and", "https", "t.co", "someone", "几个");
        assertThat(words)
                .filteredOn(w -> w.text().equals("Claude Opus 4.5"))
                .singleElement()
                .satisfies(w -> assertThat(w.count())
                        .as("Opus 4.5 alone counts for Claude Opus 4.5")
                        .isEqualTo(3))
                .satisfies(w -> assertThat(w.name()).isTrue());
        assertThat(words)
                .filteredOn(w -> w.text().equals("FLUX.2"))
                .singleElement()
                .extracting(WordCounts.Word::count)
                .isEqualTo(3);
        assertThat(words)
                .filteredOn(w -> w.text().equals("model"))
                .singleElement()
                .extracting(WordCounts.Word::count)
                .as("model and models are one word")
                .isEqualTo(2);
    }

    @Test
    void theNamesOfOneEntityAreOneWordShownAsTheDayWritesItMost() {
        List<WordCounts.Word> words = WordCounts.standard()
                .count(
                        List.of(
                                "英伟达财报超预期，英伟达股价大涨",
                                "英伟达的 Blackwell 卖光了",
                                "Nvidia beat estimates again",
                                "NVIDIA's Jensen Huang: demand is insane",
                                "黄仁勋说需求疯狂",
                                "Kimi K2 来了，月之暗面开源",
                                "Moonshot AI open-sources Kimi K2"),
                        50);

        assertThat(words)
                .filteredOn(w -> w.text().equals("英伟达"))
                .singleElement()
                .satisfies(w -> assertThat(w.count()).isEqualTo(5))
                .satisfies(
                        w -> assertThat(w.name()).as("a company, not a product").isFalse());
        assertThat(words)
                .filteredOn(w -> w.text().equals("Jensen Huang") || w.text().equals("黄仁勋"))
                .singleElement()
                .extracting(WordCounts.Word::count)
                .isEqualTo(2);
        assertThat(words)
                .filteredOn(w -> w.text().startsWith("Kimi"))
                .as("the longer name stays whole, as Claude Opus 4.5 does")
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.text()).isEqualTo("Kimi K2");
                    assertThat(w.count()).isEqualTo(2);
                });
        assertThat(words)
                .extracting(WordCounts.Word::text)
                .doesNotContain("Nvidia", "NVIDIA", "英伟", "伟达")
                .contains("Blackwell");
        assertThat(words)
                .filteredOn(w -> w.text().equals("月之暗面") || w.text().equals("Moonshot AI"))
                .singleElement()
                .extracting(WordCounts.Word::count)
                .isEqualTo(2);
    }

    @Test
    void drawsAReadablePngOfTheRightSizeThatIsNotBlank() throws Exception {
        dev.aidigest.testing.SystemFiles.require(
                WordCloudPainter.CJK_FONT, "the CJK font", "apt-get install fonts-wqy-microhei");
        List<WordCounts.Word> words = WordCounts.standard().count(POSTS, 60);

        byte[] png = new WordCloudPainter(WordCloudPainter.CJK_FONT).paint(words);

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(800);
        assertThat(variance(img)).as("pixel variance of the grey levels").isGreaterThan(200);
        assertThat(inkShare(img)).as("share of non-white pixels").isBetween(0.03, 0.7);
    }

    @Test
    void drawsNothingForTooFewWords() {
        assertThat(new WordCloudPainter(WordCloudPainter.CJK_FONT).paint(List.of(new WordCounts.Word("AI", 3, false))))
                .isNull();
    }

    @Test
    void fallsBackToALogicalFontWhenTheCjkFontIsMissing() {
        assertThat(WordCloudPainter.load(java.nio.file.Path.of("/nonexistent/font.ttc"))
                        .getFamily())
                .isNotBlank();
    }

    private static double variance(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                double g = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3.0;
                sum += g;
                sq += g * g;
                n++;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    private static double inkShare(BufferedImage img) {
        long ink = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                ink += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
                n++;
            }
        }
        return (double) ink / n;
    }
}
