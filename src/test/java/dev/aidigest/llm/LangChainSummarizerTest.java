package dev.aidigest.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig.LlmConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.StoryBrief;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.Summaries;
import dev.aidigest.digest.SummaryCache;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.testing.FakeChatRequest;
import dev.aidigest.testing.FakeOpenAi;
import dev.aidigest.testing.MemorySummaryCache;
import dev.aidigest.testing.StoryFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The happy path, economy and caching; failures are in {@link LangChainSummarizerFailureTest}. */
class LangChainSummarizerTest {

    static final String MODEL = "gpt-4o-mini";
    static final String STORY_PROMPT = prompt("story");
    static final String CATEGORIES_PROMPT = prompt("categories");

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final StoryFixtures f = new StoryFixtures();
    private final OfflineSummarizer offline = new OfflineSummarizer();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void writesEachStoryWithOneCallPlusOneForCategoriesAndCountsTheProvidersTokens() {
        List<Story> stories = threeStories();

        Summaries result = summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(stories));

        assertThat(result.engine()).isEqualTo(MODEL);
        assertThat(result.items()).hasSize(3).noneMatch(StorySummary::offline);
        assertThat(result.items().get(0).headline()).isEqualTo("FLUX.2 相关动态：merve发布新消息");
        assertThat(result.items().get(0).summary()).contains("**FLUX.2**", "clem 🤗");
        assertThat(result.categories()).containsExactly("AI模型", "AI应用", "行业洞察");
        assertThat(fake.requests()).hasSize(4);
        assertThat(fake.storyRequests()).hasSize(3);
        int promptTokens = fake.requests().stream()
                .mapToInt(r -> FakeOpenAi.estimateTokens(r.messageTexts()))
                .sum();
        assertThat(result.usage().calls()).isEqualTo(4);
        assertThat(result.usage().inputTokens()).isEqualTo(promptTokens);
        assertThat(result.usage().outputTokens()).isPositive();
        assertThat(result.usage().fallbacks()).isZero();
    }

    @Test
    void estimatesTokensAtTwoCharactersEachWhenTheProviderReportsNoUsage() {
        fake.withoutUsage();
        Story story = f.story("dotey", "宝玉", "ChatGPT 的语音通话功能更新了，现在不用切换界面就能直接语音对话。");

        Summaries result =
                summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(List.of(story)));

        int chars = fake.requests().stream()
                .flatMap(r -> r.messageTexts().stream())
                .mapToInt(String::length)
                .sum();
        assertThat(result.usage().calls()).isEqualTo(2);
        assertThat(result.usage().inputTokens()).isBetween(chars / 2 - 2, chars / 2 + 2);
    }

    @Test
    void sendsTheSystemPromptTheKeyAndOnlyTheStorysPostsTrimmed() {
        String longText = "Qwen3-VL 是一个新的多模态模型，".repeat(60);
        Story story = f.story(
                f.post("a", "Author A", longText),
                f.post("b", "Author B", "B 说 " + longText),
                f.post("c", "Author C", "C 认为 Qwen3-VL 很强。"),
                f.post("d", "Author D", "D 测试了 Qwen3-VL 的 OCR。"),
                f.post("e", "Author E", "E 用 Qwen3-VL 读图表。"),
                f.post("g", "Author G", "G 把 Qwen3-VL 部署到手机上。"),
                f.post("h", "Author H", "H 比较了 Qwen3-VL 和 GPT-4o。"));

        summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(List.of(story)));

        FakeChatRequest request = fake.storyRequests().get(0);
        assertThat(request.system()).isEqualTo(STORY_PROMPT);
        assertThat(request.authorization()).isEqualTo("Bearer test-key");
        assertThat(request.model()).isEqualTo(MODEL);
        assertThat(request.posts())
                .hasSize(6)
                .allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(600));
        assertThat(request.posts().get(0).author()).isEqualTo("Author A");
        assertThat(request.json().has("response_format")).isFalse();
    }

    @Test
    void aChineseNameIsGroundedByTheEnglishPostAndAnInventedOneIsSentBack() {
        String nvidia =
                "{\"headline\": \"英伟达数据中心收入翻倍\", \"summary\": \"英伟达公布季度财报，**数据中心收入翻倍**，" + "黄仁勋称需求依旧旺盛，供应仍然紧张。\"}";
        String google = nvidia.replace("黄仁勋称", "谷歌称");
        fake.on(FakeChatRequest::isStory, FakeOpenAi.Reply.content(google), FakeOpenAi.Reply.content(nvidia));
        Story story =
                f.story("nvidia", "NVIDIA", "Nvidia data center revenue doubled. Jensen Huang: demand is insane.");

        Summaries result =
                summarizer(fake.baseUrl(), SummaryCache.NONE, false).summarize(StoryBrief.all(List.of(story)));

        assertThat(fake.storyRequests()).as("one repair, for 谷歌 only").hasSize(2);
        assertThat(fake.storyRequests().get(1).messageTexts()).anyMatch(m -> m.contains("谷歌") && !m.contains("英伟达、"));
        assertThat(result.items().get(0).offline()).isFalse();
        assertThat(result.items().get(0).headline()).isEqualTo("英伟达数据中心收入翻倍");
    }

    @Test
    void worksWithoutAnApiKeyAsLocalServersNeedNone() {
        LlmConfig config = new LlmConfig(fake.baseUrl(), "", MODEL, 3, 2, 2, 600, 6, false);
        LangChainSummarizer summarizer =
                new LangChainSummarizer(config, STORY_PROMPT, CATEGORIES_PROMPT, SummaryCache.NONE, offline);

        Summaries result = summarizer.summarize(StoryBrief.all(List.of(f.story("a", "A", "FLUX.2 发布了。"))));

        assertThat(fake.requests().get(0).authorization()).isNull();
        assertThat(result.items().get(0).offline()).isFalse();
    }

    @Test
    void asksForAJsonSchemaWhenConfigured() {
        summarizer(fake.baseUrl(), SummaryCache.NONE, true)
                .summarize(StoryBrief.all(List.of(f.story("a", "A", "FLUX.2 发布了。"))));

        FakeChatRequest request = fake.storyRequests().get(0);
        assertThat(request.json().path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(request.json()
                        .path("response_format")
                        .path("json_schema")
                        .path("schema")
                        .path("required")
                        .toString())
                .contains("headline", "summary");
    }

    @Test
    void aRebuildOfCachedStoriesMakesNoCallAtAll() {
        MemorySummaryCache cache = new MemorySummaryCache();
        List<Story> stories = threeStories();
        LangChainSummarizer summarizer = summarizer(fake.baseUrl(), cache, false);

        Summaries first = summarizer.summarize(StoryBrief.all(stories));
        int callsAfterFirst = fake.requests().size();
        Summaries second = summarizer.summarize(StoryBrief.all(stories));

        assertThat(callsAfterFirst).isEqualTo(4);
        assertThat(fake.requests()).hasSize(4);
        assertThat(second.usage().calls()).isZero();
        assertThat(second.usage().inputTokens()).isZero();
        assertThat(second.items()).isEqualTo(first.items());
        assertThat(second.categories()).isEqualTo(first.categories());
        assertThat(second.engine()).isEqualTo(MODEL);
        assertThat(cache.hits()).isEqualTo(4);
    }

    @Test
    void aStoryWithChangedTextIsWrittenAgainWhileTheOthersComeFromTheCache() {
        MemorySummaryCache cache = new MemorySummaryCache();
        List<Story> stories = threeStories();
        LangChainSummarizer summarizer = summarizer(fake.baseUrl(), cache, false);
        summarizer.summarize(StoryBrief.all(stories));
        Story grown = new Story(List.of(
                f.post("x", "New Voice", "GPT-5 的年底期限还有 30 天。"), stories.get(2).lead()));

        Summaries rebuilt = summarizer.summarize(StoryBrief.all(List.of(stories.get(0), stories.get(1), grown)));

        assertThat(fake.storyRequests()).hasSize(4);
        assertThat(rebuilt.usage().calls()).isEqualTo(2); // the grown story, and categories for the changed headlines
        assertThat(rebuilt.items().get(2).headline()).contains("New Voice");
    }

    List<Story> threeStories() {
        return List.of(
                f.story(
                        f.post(
                                "mervenoyann",
                                "merve",
                                "FLUX.2 is out: a new image generation and editing model. It needs 80GB VRAM without QLoRA."),
                        f.post(
                                "ClementDelangue",
                                "clem 🤗",
                                "FLUX.2 is trending on Hugging Face, 500 likes in 2 hours.")),
                f.story(
                        "bentossell",
                        "Ben Tossell",
                        "sfcompute raised $40M and is hiring Linux programmers for its supercomputer."),
                f.story(
                        "GaryMarcus",
                        "Gary Marcus",
                        "If GPT-5 does not leapfrog competitors by the end of 2025, enthusiasm for OpenAI will fade."));
    }

    static LangChainSummarizer summarizer(String baseUrl, SummaryCache cache, boolean jsonSchema) {
        return summarizer(baseUrl, cache, jsonSchema, tuning(Duration.ofSeconds(3), 2, 2));
    }

    static LangChainSummarizer summarizer(String baseUrl, SummaryCache cache, boolean jsonSchema, LlmTuning tuning) {
        LlmConfig config = new LlmConfig(
                baseUrl, "test-key", MODEL, 3, tuning.concurrency(), tuning.retries(), 600, 6, jsonSchema);
        return new LangChainSummarizer(config, STORY_PROMPT, CATEGORIES_PROMPT, cache, new OfflineSummarizer(), tuning);
    }

    /** Production shape with test-sized waits: 10 ms backoff, 5 s longest wait, breaker after 3. */
    static LlmTuning tuning(Duration timeout, int concurrency, int retries) {
        return new LlmTuning(timeout, concurrency, retries, Duration.ofMillis(10), Duration.ofSeconds(5), 3, 600, 6);
    }

    /** The prompts as the app loads them: the editable copies under config/prompts/. */
    static String prompt(String name) {
        return new ConfigLoader(Path.of("config"), Map.of()).prompt(name);
    }
}
