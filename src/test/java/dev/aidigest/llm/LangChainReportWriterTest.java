package dev.aidigest.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig.LlmConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.report.DailyReport;
import dev.aidigest.report.DayItem;
import dev.aidigest.report.DayMaterial;
import dev.aidigest.report.DayPost;
import dev.aidigest.report.MarketScan;
import dev.aidigest.report.OfflineReportWriter;
import dev.aidigest.testing.FakeOpenAi;
import dev.aidigest.testing.FakeOpenAi.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM report: at most two calls, a repair for an unusable answer, the offline report for anything worse. */
class LangChainReportWriterTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String PROMPT = new ConfigLoader(Path.of("config"), Map.of()).prompt("report");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-27T00:05:00Z"), SHANGHAI);

    static final String GOOD = """
      {"overview": "今天的讨论集中在新模型发布：Claude Opus 4.5 在编程上领先，FLUX.2 带来开放权重的图像生成。整体情绪积极，也有人质疑规模化的前景。",
       "key_points": [{"ref": 1, "text": "Claude Opus 4.5 发布，编程与智能体能力领先"}, {"ref": 2, "text": "FLUX.2 发布开放权重的图像生成模型"},
                      {"ref": 3, "text": "Gary Marcus 质疑只靠大模型能否通向 AGI"}],
       "opinions": [{"ref": "P1", "person": "Gary Marcus", "text": "认为只靠大模型无法通向 AGI"},
                    {"ref": "P1", "person": "Sam Altman", "text": "认为规模化还会继续有效"}],
       "events": {"模型发布": [{"ref": 1, "text": "Anthropic 发布 Claude Opus 4.5"}, {"ref": 2, "text": "FLUX.2 开放权重发布"}], "功能升级": [], "技术突破": [], "企业应用": []},
       "ai_analysis": {"技术发展": [{"label": "编程智能体", "text": "Claude Opus 4.5 把编程与智能体能力作为卖点"}], "产业创新": [], "社会影响": []},
       "finance": [],
       "closing": "新模型密集发布，讨论热度很高。"}
      """;

    private final FakeOpenAi fake = FakeOpenAi.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    LangChainReportWriter writer(String baseUrl) {
        LlmConfig config = new LlmConfig(baseUrl, "sk-test", "gpt-4o-mini", 5, 1, 2, 600, 6, false);
        LlmTuning tuning =
                new LlmTuning(Duration.ofSeconds(5), 1, 2, Duration.ofMillis(10), Duration.ofSeconds(1), 3, 600, 6);
        return new LangChainReportWriter(config, PROMPT, new OfflineReportWriter(MarketScan.standard(), CLOCK), tuning);
    }

    static DayMaterial day() {
        Instant t = Instant.parse("2025-11-26T05:00:00Z");
        DayPost opus = new DayPost(
                1,
                "AnthropicAI",
                "Anthropic",
                "Introducing Claude Opus 4.5: the best model in the world for coding and agents.",
                "https://x.com/AnthropicAI/status/1",
                t,
                900,
                200,
                null);
        DayPost flux = new DayPost(
                2,
                "bfl_ml",
                "Black Forest Labs",
                "FLUX.2 is here: open weights image generation.",
                "https://x.com/bfl_ml/status/2",
                t,
                500,
                90,
                null);
        DayPost gary = new DayPost(
                3,
                "GaryMarcus",
                "Gary Marcus",
                "I think LLMs alone will never get us to AGI.",
                "https://x.com/GaryMarcus/status/3",
                t,
                300,
                40,
                null);
        List<DayItem> items = List.of(
                new DayItem(
                        "2025.11.26.16",
                        t,
                        1,
                        "k1",
                        "Introducing Claude Opus 4.5",
                        "**Claude Opus 4.5** for coding and agents.",
                        opus.url(),
                        List.of("Anthropic"),
                        List.of(1L),
                        9,
                        true),
                new DayItem(
                        "2025.11.26.12",
                        t,
                        1,
                        "k2",
                        "FLUX.2 is here",
                        "**FLUX.2** open weights image generation.",
                        flux.url(),
                        List.of("Black Forest Labs"),
                        List.of(2L),
                        8,
                        true),
                new DayItem(
                        "2025.11.26.16",
                        t,
                        2,
                        "k3",
                        "I think LLMs alone will never get us to AGI",
                        "Gary Marcus on AGI.",
                        gary.url(),
                        List.of("Gary Marcus"),
                        List.of(3L),
                        7,
                        true));
        return new DayMaterial(
                LocalDate.of(2025, 11, 26),
                SHANGHAI,
                t,
                t.plusSeconds(86400),
                items,
                List.of(opus, flux, gary),
                2,
                List.of("AI模型"));
    }

    @Test
    void writesTheReportInOneCallAndKeepsTheMarketSectionFromTheScan() {
        fake.next(Reply.content(GOOD));

        DailyReport r = writer(fake.baseUrl()).write(day(), List.of("Claude Opus 4.5"));

        assertThat(fake.requests()).hasSize(1);
        assertThat(fake.requests().get(0).firstUser())
                .contains("[1] 标题：Introducing Claude Opus 4.5", "[P1] 作者：Gary Marcus");
        assertThat(r.engine()).isEqualTo("gpt-4o-mini");
        assertThat(r.usage().calls()).isEqualTo(1);
        assertThat(r.usage().inputTokens()).isPositive();
        assertThat(r.overview()).startsWith("今天的讨论集中在新模型发布");
        assertThat(r.keyPoints())
                .extracting(DailyReport.Point::text)
                .first()
                .isEqualTo("Claude Opus 4.5 发布，编程与智能体能力领先");
        assertThat(r.keyPoints().get(1).item().url()).isEqualTo("https://x.com/bfl_ml/status/2");
        assertThat(r.opinions())
                .as("an opinion the referenced post does not support is dropped")
                .extracting(DailyReport.Opinion::person)
                .containsExactly("Gary Marcus");
        assertThat(r.market()).containsExactly("推文中未发现涉及特定上市公司股票或数字货币的讨论，也未发现相关的价格或市场变动信息。");
        assertThat(r.finance()).isEmpty();
    }

    @Test
    void theLlmReportRendersInTheSeedsSectionsWithAttributedOpinions() {
        fake.next(Reply.content(GOOD));

        String md = new dev.aidigest.report.ReportRenderer()
                .render(writer(fake.baseUrl()).write(day(), List.of()), List.of("日报"), "/images/x.png");

        assertThat(md)
                .contains(
                        "summarizer: \"gpt-4o-mini\"",
                        "### 核心信息（3个关键点）",
                        "1. [Claude Opus 4.5 发布，编程与智能体能力领先](https://x.com/AnthropicAI/status/1) - Anthropic",
                        "- **Gary Marcus**认为只靠大模型无法通向 AGI（[原帖](https://x.com/GaryMarcus/status/3)）",
                        "- **模型发布**：[Anthropic 发布 Claude Opus 4.5](https://x.com/AnthropicAI/status/1)；[FLUX.2 开放权重发布](https://x.com/bfl_ml/status/2)",
                        "- **功能升级**：今日推文中未见此类动态",
                        "**技术发展**：\n- **编程智能体**：Claude Opus 4.5 把编程与智能体能力作为卖点",
                        "新模型密集发布，讨论热度很高。",
                        "LLM gpt-4o-mini：1 次调用")
                .doesNotContain("离线报告");
    }

    @Test
    void asksOnceForARepairWhenTheAnswerInventsANumber() {
        fake.next(Reply.content(GOOD.replace("在编程上领先", "在编程上领先 300%")), Reply.content(GOOD));

        DailyReport r = writer(fake.baseUrl()).write(day(), List.of());

        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.requests().get(1).messageTexts()).anyMatch(m -> m.contains("不合格") && m.contains("300"));
        assertThat(r.engine()).isEqualTo("gpt-4o-mini");
        assertThat(r.usage().calls()).isEqualTo(2);
    }

    @Test
    void garbageTwiceGivesTheOfflineReportAfterTwoCalls() {
        fake.next(Reply.content("HACKED"), Reply.content("HACKED"), Reply.content(GOOD));

        DailyReport r = writer(fake.baseUrl()).write(day(), List.of());

        assertThat(fake.requests()).hasSize(2);
        assertThat(r.offline()).isTrue();
        assertThat(r.usage().calls()).isEqualTo(2);
        assertThat(r.keyPoints()).extracting(DailyReport.Point::text).contains("Introducing Claude Opus 4.5");
    }

    @Test
    void serverErrorsNeverCostMoreThanTwoCalls() {
        fake.next(Reply.status(500), Reply.status(503), Reply.status(500), Reply.content(GOOD));

        DailyReport r = writer(fake.baseUrl()).write(day(), List.of());

        assertThat(fake.requests()).hasSize(2);
        assertThat(r.offline()).isTrue();
    }

    @Test
    void aRetriedFirstCallLeavesNoRoomForARepair() {
        fake.next(Reply.status(503), Reply.content("not json"), Reply.content(GOOD));

        DailyReport r = writer(fake.baseUrl()).write(day(), List.of());

        assertThat(fake.requests()).hasSize(2);
        assertThat(r.offline()).isTrue();
    }

    @Test
    void anEmptyDayMakesNoCall() {
        DayMaterial d = day();
        DayMaterial empty = new DayMaterial(d.date(), d.zone(), d.start(), d.end(), List.of(), List.of(), 0, List.of());

        DailyReport r = writer(fake.baseUrl()).write(empty, List.of());

        assertThat(fake.requests()).isEmpty();
        assertThat(r.offline()).isTrue();
    }
}
