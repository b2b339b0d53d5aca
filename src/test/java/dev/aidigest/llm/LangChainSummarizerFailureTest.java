package dev.aidigest.llm;

import static dev.aidigest.llm.LangChainSummarizerTest.summarizer;
import static dev.aidigest.llm.LangChainSummarizerTest.tuning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.Story;
import dev.aidigest.digest.StoryBrief;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.Summaries;
import dev.aidigest.digest.SummaryCache;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.testing.FakeChatRequest;
import dev.aidigest.testing.FakeOpenAi;
import dev.aidigest.testing.FakeOpenAi.Reply;
import dev.aidigest.testing.MemorySummaryCache;
import dev.aidigest.testing.StoryFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the LLM does, every story gets a summary, and only the story that failed falls back. */
class LangChainSummarizerFailureTest {

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final StoryFixtures f = new StoryFixtures();
    private final OfflineSummarizer offline = new OfflineSummarizer();
    private final List<Story> stories = List.of(
            f.story(
                    "mervenoyann",
                    "merve",
                    "FLUX.2 is out: a new image generation and editing model that needs 80GB VRAM."),
            f.story("bentossell", "Ben Tossell", "sfcompute raised $40M and is hiring Linux programmers."),
            f.story("dotey", "宝玉", "ChatGPT 的语音通话功能更新了，不用切换界面就能语音对话。"));
    private static final Predicate<FakeChatRequest> FLUX =
            r -> r.isStory() && r.firstUser().contains("FLUX.2");

    @AfterEach
    void stop() {
        fake.close();
    }

    static Stream<Arguments> badAnswers() {
        return Stream.of(
                Arguments.of("not JSON", "FLUX.2 是一个新模型。", "不是一个合法的 JSON"),
                Arguments.of("missing summary", "{\"headline\": \"FLUX.2 图像模型发布\"}", "缺少"),
                Arguments.of(
                        "empty headline",
                        "{\"headline\": \"\", \"summary\": \"merve 发布了 FLUX.2 图像生成与编辑模型，需要 80GB 显存。\"}",
                        "缺少"),
                Arguments.of(
                        "headline too long",
                        "{\"headline\": \"" + "FLUX.2 图像模型发布".repeat(6)
                                + "\", \"summary\": \"merve 发布了 FLUX.2 图像生成与编辑模型，需要 80GB 显存。\"}",
                        "headline 太长"),
                Arguments.of(
                        "summary too long",
                        "{\"headline\": \"FLUX.2 图像模型发布\", \"summary\": \"" + "merve 发布了 FLUX.2 图像生成模型。".repeat(30)
                                + "\"}",
                        "summary 太长"),
                Arguments.of(
                        "English headline",
                        "{\"headline\": \"FLUX.2 is out\", \"summary\": \"merve 发布了 FLUX.2 图像生成与编辑模型，需要 80GB 显存。\"}",
                        "必须用中文"),
                Arguments.of(
                        "ungrounded number",
                        "{\"headline\": \"FLUX.2 图像模型发布\", \"summary\": \"merve 发布了 **FLUX.2**，需要 **96GB** 显存，售价 **4000 美元**。\"}",
                        "96"),
                Arguments.of(
                        "ungrounded name",
                        "{\"headline\": \"FLUX.2 与 Midjourney 正面竞争\", \"summary\": \"merve 发布了 **FLUX.2** 图像生成与编辑模型，需要 80GB 显存。\"}",
                        "midjourney"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void aBadAnswerIsRepairedOnceWithTheErrorSentBack(String why, String bad, String error) {
        fake.on(FLUX, Reply.content(bad), Reply.ok());

        Summaries result = summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(stories));

        List<FakeChatRequest> flux = fake.requests().stream().filter(FLUX).toList();
        assertThat(flux).hasSize(2);
        FakeChatRequest repair = flux.get(1);
        assertThat(repair.isRepair()).isTrue();
        assertThat(repair.messages().get(2).content()).isEqualTo(bad);
        assertThat(repair.messages().get(3).content()).contains(error);
        assertThat(result.items()).noneMatch(StorySummary::offline);
        assertThat(result.usage().calls()).isEqualTo(5);
        assertThat(result.usage().fallbacks()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void aBadAnswerTwiceFallsBackToTheOfflineSummaryForThatStoryOnly(String why, String bad, String error) {
        fake.on(FLUX, Reply.content(bad), Reply.content(bad));

        Summaries result = summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(stories));

        assertThat(result.items().get(0)).isEqualTo(offline.summarize(stories.get(0)));
        assertThat(result.items().subList(1, 3)).noneMatch(StorySummary::offline);
        assertThat(result.usage().fallbacks()).isEqualTo(1);
        assertThat(result.engine()).isEqualTo(LangChainSummarizerTest.MODEL);
    }

    @Test
    void aFallbackIsNotCachedSoTheNextBuildTriesTheLlmAgain() {
        MemorySummaryCache cache = new MemorySummaryCache();
        fake.on(FLUX, Reply.content("garbage"), Reply.content("garbage"));
        LangChainSummarizer summarizer = summarizer(fake.baseUrl(), cache, false);

        summarizer.summarize(StoryBrief.all(stories));
        Summaries second = summarizer.summarize(StoryBrief.all(stories));

        assertThat(second.items()).noneMatch(StorySummary::offline);
        assertThat(second.usage().calls()).isEqualTo(2); // FLUX.2 again, and categories for its new headline
    }

    @Test
    void aServerErrorIsRetriedAndCounted() {
        fake.on(FLUX, Reply.status(500), Reply.status(503));

        Summaries result = summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(stories));

        assertThat(fake.requests().stream().filter(FLUX)).hasSize(3);
        assertThat(result.items()).noneMatch(StorySummary::offline);
        assertThat(result.usage().calls()).isEqualTo(6);
    }

    @Test
    void rateLimitWaitsAsLongAsRetryAfterSays() {
        fake.on(FLUX, Reply.rateLimited(1));
        LangChainSummarizer summarizer =
                summarizer(fake.baseUrl(), SummaryCache.NONE, false, tuning(Duration.ofSeconds(3), 1, 2));

        Summaries result = summarizer.summarize(StoryBrief.all(stories.subList(0, 1)));

        List<FakeChatRequest> flux = fake.requests().stream().filter(FLUX).toList();
        assertThat(flux).hasSize(2);
        assertThat(Duration.between(flux.get(0).at(), flux.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(result.items().get(0).offline()).isFalse();
    }

    @Test
    void retryAfterLongerThanTheLongestWaitFallsBackAtOnce() {
        fake.on(FLUX, Reply.rateLimited(120));
        long start = System.nanoTime();

        Summaries result = summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(stories));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(result.items().get(0).offline()).isTrue();
        assertThat(result.usage().fallbacks()).isEqualTo(1);
    }

    @Test
    void aTimeoutFallsBackToTheOfflineSummary() {
        fake.on(FLUX, Reply.slow(Duration.ofSeconds(3)), Reply.slow(Duration.ofSeconds(3)));
        long start = System.nanoTime();

        Summaries result = summarizer(fake.baseUrl(), SummaryCache.NONE, false, tuning(Duration.ofMillis(400), 2, 1))
                .summarize(StoryBrief.all(stories));

        assertThat(result.items().get(0)).isEqualTo(offline.summarize(stories.get(0)));
        assertThat(result.items().subList(1, 3)).noneMatch(StorySummary::offline);
        assertThat(fake.requests().stream().filter(FLUX)).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aDeadEndpointFallsBackForEveryStoryWithinASecondOrTwo() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        List<Story> fifteen = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            fifteen.add(f.story(
                    "u" + i,
                    "User " + i,
                    "Story number " + i + " is about Gemini 3 and its new " + i + "M context window."));
        }
        LangChainSummarizer summarizer = summarizer(
                "http://127.0.0.1:" + deadPort + "/v1", SummaryCache.NONE, false, tuning(Duration.ofSeconds(60), 4, 2));
        long start = System.nanoTime();

        Summaries result = summarizer.summarize(StoryBrief.all(fifteen));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.items()).hasSize(15).allMatch(StorySummary::offline);
        assertThat(result.engine()).isEqualTo("offline");
        assertThat(result.usage().fallbacks()).isEqualTo(15);
        assertThat(result.usage().calls()).isZero();
        assertThat(result.categories()).isEqualTo(offline.categories(fifteen));
    }

    @Test
    void aRejectedKeyStopsAllCallsAfterThreeStories() {
        List<Story> six = new ArrayList<>(stories);
        six.addAll(List.of(
                f.story("a", "A", "Gemini 3 来了。"), f.story("b", "B", "Sora 2 上线。"), f.story("c", "C", "Qwen3-VL 开源。")));
        fake.next(Reply.status(401), Reply.status(401), Reply.status(401), Reply.status(401));

        Summaries result = summarizer(fake.baseUrl(), SummaryCache.NONE, false, tuning(Duration.ofSeconds(3), 1, 2))
                .summarize(StoryBrief.all(six));

        assertThat(fake.requests())
                .hasSize(3); // not retried, and the breaker spares the other stories and the categories
        assertThat(result.items()).hasSize(6).allMatch(StorySummary::offline);
        assertThat(result.usage().calls()).isEqualTo(3);
    }

    @Test
    void garbageCategoriesFallBackToTheOfflineCategories() {
        fake.on(r -> !r.isStory(), Reply.content("我觉得这期内容都很好！"));

        Summaries result = summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(stories));

        assertThat(result.categories()).isEqualTo(offline.categories(stories));
        assertThat(result.items()).noneMatch(StorySummary::offline);
    }

    @Test
    void categoriesInEnglishOrTooFewAreRejected() {
        CategoryWriter writer = new CategoryWriter("", new AnswerCheck(), SummaryCache.NONE, "m", offline);

        assertThat(writer.parse("[\"AI Models\", \"Apps\", \"Insights\"]")).isNull();
        assertThat(writer.parse("[\"AI模型\", \"AI应用\"]")).isNull();
        assertThat(writer.parse("```json\n[\"AI模型\", \"AI应用\", \"#行业洞察\", \"AI模型\"]\n```"))
                .containsExactly("AI模型", "AI应用", "行业洞察");
        assertThat(writer.parse("好的：[\"AI模型\", \"AI应用\", \"行业洞察\", \"研发进展\", \"AI伦理\", \"硬件设施\", \"AI产业\"]"))
                .containsExactly("AI模型", "AI应用", "行业洞察", "研发进展", "AI伦理", "硬件设施");
    }
}
