package dev.aidigest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Companies and coins by ticker and by name, in Chinese and English; moves only when a post states one. */
class MarketScanTest {

    private final MarketScan scan = MarketScan.standard();
    private long ids = 1;

    DayPost post(String text) {
        return new DayPost(
                ids++, "h", "Author " + ids, text, "https://x.com/h/status/" + ids, Instant.EPOCH, 1, 0, null);
    }

    @Test
    void findsTickersCashtagsAndChineseNames() {
        MarketScan.Findings f = scan.scan(List.of(
                post("$NVDA looks strong"),
                post("英伟达的新卡"),
                post("比特币又来了"),
                post("BTC and ETH"),
                post("Meta Ray-Ban Display")));

        assertThat(f.mentions().keySet())
                .extracting(MarketScan.Asset::ticker)
                .containsExactly("NVDA", "META", "BTC", "ETH");
        assertThat(f.mentions().entrySet())
                .filteredOn(e -> e.getKey().ticker().equals("NVDA"))
                .singleElement()
                .satisfies(e -> assertThat(e.getValue()).hasSize(2));
        assertThat(f.moves()).isEmpty();
    }

    @Test
    void ignoresWordsThatOnlyLookLikeNames() {
        MarketScan.Findings f = scan.scan(List.of(
                post("meta-learning and metadata"),
                post("Metaverse talk"),
                post("the amd64 build"),
                new DayPost(99, "x", "X", "RT @a: $NVDA 股价大涨", null, Instant.EPOCH, 0, 0, "retweeted")));

        assertThat(f.none()).isTrue();
        assertThat(scan.paragraphs(f)).containsExactly("推文中未发现涉及特定上市公司股票或数字货币的讨论，也未发现相关的价格或市场变动信息。");
    }

    @Test
    void aMoveNeedsBothAnAssetAndPriceWords() {
        MarketScan.Findings f =
                scan.scan(List.of(post("比特币今天暴跌 8%"), post("股价的事不懂"), post("Google shares rallied after Gemini 3")));

        assertThat(f.moves())
                .extracting(DayPost::text)
                .containsExactlyInAnyOrder("比特币今天暴跌 8%", "Google shares rallied after Gemini 3");
        assertThat(String.join("\n", scan.paragraphs(f))).contains("「比特币今天暴跌 8%」", "转述原帖，不构成行情数据");
    }
}
