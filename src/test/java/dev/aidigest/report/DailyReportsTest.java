package dev.aidigest.report;

import static dev.aidigest.report.ReportDay.DAY;
import static dev.aidigest.report.ReportDay.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.delivery.Outbox;
import dev.aidigest.digest.Entities;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.ReportStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline daily report end to end on the real H2 database: material, sections, storage, site, publishing. */
class DailyReportsTest {

    @TempDir
    Path dir;

    Database db;
    ReportDay day;
    ReportStore store;
    Clock clock = Clock.fixed(Instant.parse("2025-11-27T00:05:00Z"), SHANGHAI); // 08:05 the next morning

    Database open() {
        return TestDatabases.h2(dir.resolve("db"));
    }

    @BeforeEach
    void setUp() {
        db = open();
        day = new ReportDay(db, clock);
        store = new ReportStore(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    DailyReports reports() {
        return new DailyReports(
                new DayMaterials(store, Entities.standard()),
                WordCounts.standard(),
                new WordCloudPainter(WordCloudPainter.CJK_FONT),
                new OfflineReportWriter(MarketScan.standard(), clock),
                store,
                dir.resolve("site"),
                SHANGHAI,
                clock);
    }

    @Test
    void writesEverySectionOfTheSeedWithKeyPointsLinkedToTheirPosts() {
        day.standard();

        DailyReports.Edition e = reports().make(DAY);

        assertThat(e.markdown())
                .startsWith("---\ntitle: \"2025.11.26 AI日报：全球AI推文讨论总结\"\ndate: 2025-11-27T08:05:00+08:00\n")
                .contains(
                        "## 简要部分",
                        "### 主要话题与行业趋势概述",
                        "### 核心信息（4个关键点）",
                        "### 重要观点与见解",
                        "### 关键事件与发展",
                        "- **模型发布**：",
                        "- **功能升级**：",
                        "- **技术突破**：",
                        "- **企业应用**：",
                        "### 个股与数字货币分析与市场反应",
                        "### 专项分析",
                        "#### 人工智能相关内容",
                        "#### 金融市场相关内容",
                        "## 词云分析",
                        "![词云图](/images/2025-11-26-wordcloud.png)",
                        "离线报告");
        assertThat(e.markdown())
                .contains("[Introducing Claude Opus 4.5](https://x.com/a/status/")
                .contains(" - Anthropic / 宝玉");
        assertThat(e.markdown())
                .contains(
                        "- **Gary Marcus**：「I think LLMs alone will never get us to AGI.」（[原帖](https://x.com/GaryMarcus/status/");
        assertThat(e.markdown()).as("chatter is not news").doesNotContain("火锅");
        assertThat(e.report().stats()).isEqualTo(new DailyReport.Stats(7, 7, 2, 4));
    }

    @Test
    void tellsAStoryFromTwoDigestsOnceInTheKeyPoints() {
        day.standard();

        DailyReport r = reports().make(DAY).report();

        assertThat(r.keyPoints()).filteredOn(p -> p.text().contains("FLUX.2")).hasSize(1);
        assertThat(r.keyPoints())
                .extracting(p -> p.item().authors().get(0))
                .containsExactlyInAnyOrder("Anthropic", "Black Forest Labs", "Gary Marcus", "Orange AI");
    }

    @Test
    void countsCompaniesButSaysPlainlyThatNoPostTalksAboutAPrice() {
        day.standard();

        String md = reports().make(DAY).markdown();

        assertThat(md).contains("推文中提及的上市公司与数字货币：Meta（META）1 条").contains("推文中未发现关于这些公司股价或数字货币价格变动的具体信息");
    }

    @Test
    void quotesAPriceMoveOnlyAsThePostSaysIt() {
        day.standard();
        long nv = day.post("trader", "Some Trader", "20:30", "英伟达财报后股价大涨 5%，$NVDA 市值再创新高。");
        day.digest("20", List.of("行业洞察"), ReportDay.item("英伟达财报后股价大涨", "英伟达财报后股价大涨 5%。", List.of("Some Trader"), nv));

        String md = reports().make(DAY).markdown();

        String market = md.substring(md.indexOf("### 个股与数字货币"), md.indexOf("### 专项分析"));
        assertThat(market)
                .contains("英伟达（NVDA）1 条")
                .contains("- **Some Trader**：「英伟达财报后股价大涨 5%，$NVDA 市值再创新高。」（[原帖](https://x.com/trader/status/")
                .endsWith(")）\n\n");
        assertThat(market.replaceAll("\\(https://[^)]*\\)", "")
                        .replaceAll("[^0-9%]+", " ")
                        .trim()
                        .split(" "))
                .as("no number but the post's and the counts")
                .containsOnly("1", "5%");
    }

    @Test
    void saysThereIsNothingWhenNoPostNamesACompanyOrCoin() {
        long id = day.post("dotey", "宝玉", "10:00", "ChatGPT 的语音通话更新了，可以直接在对话里语音聊天。");
        day.digest("12", List.of("AI应用"), ReportDay.item("ChatGPT 语音通话更新", "语音和文字在一起。", List.of("宝玉"), id));

        String md = reports().make(DAY).markdown();

        assertThat(md).contains("推文中未发现涉及特定上市公司股票或数字货币的讨论");
    }

    @Test
    void rebuildsTheSameRowInPlaceWithItsWordCloudInTheDatabaseAndTheSite() throws Exception {
        day.standard();
        DailyReports.Edition first = reports().make(DAY);

        DailyReports.Edition again = reports().make(DAY);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(TestDb.column(db, "SELECT COUNT(*) FROM digest WHERE kind = 'report'"))
                .containsExactly("1");
        assertThat(TestDb.column(db, "SELECT slot FROM digest WHERE kind = 'report'"))
                .containsExactly("2025-11-26");
        assertThat(TestDb.column(db, "SELECT COUNT(*) FROM digest_image")).containsExactly("1");
        byte[] png = store.wordCloud(DAY).orElseThrow();
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.readAllBytes(dir.resolve("site/static/images/2025-11-26-wordcloud.png")))
                .isEqualTo(png);
        assertThat(dir.resolve("site/content/posts/2025-11-26-daily.md")).hasContent(again.markdown());
    }

    @Test
    void publishingQueuesTheReportToDailyAndAllSubscribersOnlyAndOnce() {
        day.standard();
        SubscriptionStore subs = new SubscriptionStore(db, clock);
        subs.subscribe(new ChatRef("telegram", "1", ChatRef.Kind.GROUP), Plan.DAILY, "u");
        subs.subscribe(new ChatRef("telegram", "2", ChatRef.Kind.GROUP), Plan.ALL, "u");
        subs.subscribe(new ChatRef("telegram", "3", ChatRef.Kind.GROUP), Plan.DIGEST, "u");
        long id = reports().make(DAY).id();
        Outbox outbox = new Outbox(new OutboxStore(db), clock);

        assertThat(outbox.publish(id)).isEqualTo(2);
        assertThat(outbox.publish(id)).isZero();
        ArchivedDigest archived = new ArchiveStore(db).byId(id).orElseThrow();
        assertThat(archived.kind()).isEqualTo("report");
        assertThat(archived.title()).isEqualTo("2025.11.26 AI日报：全球AI推文讨论总结");
        assertThat(archived.items()).hasSize(4).allMatch(i -> i.url().startsWith("https://x.com/"));
    }

    @Test
    void theReportsKeyPointsDoNotShowUpTwiceInTopicSearch() {
        day.standard();
        reports().make(DAY);
        SearchStore search = new SearchStore(db);

        assertThat(search.search("Opus 4.5", 1, 20).hits())
                .filteredOn(h -> h.kind().equals("item"))
                .hasSize(1);
    }

    @Test
    void anEmptyDayIsWithheldAndWithAllowEmptyMakesAnHonestReport() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports().make(DAY))
                .isInstanceOf(dev.aidigest.edition.EditionWithheld.class)
                .hasMessageContaining("no posts");

        DailyReports.Edition e = reports().make(DAY, true);

        assertThat(e.markdown()).contains("本日没有生成速递").contains("本日没有可列出的关键动态").contains("（本日没有足够的词生成词云。）");
        assertThat(e.image()).isNull();
    }
}
