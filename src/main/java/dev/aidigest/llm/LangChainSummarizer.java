package dev.aidigest.llm;

import dev.aidigest.config.AppConfig.LlmConfig;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.StoryBrief;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.Summaries;
import dev.aidigest.digest.Summarizer;
import dev.aidigest.digest.SummaryCache;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.text.Aliases;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest's words from any OpenAI-compatible LLM through langchain4j: one call per story (only
 * its posts, trimmed) at most {@code max_concurrency} at a time, plus one call for the categories.
 * Every story that the LLM cannot do well falls back to the {@link OfflineSummarizer}, so the
 * digest is never broken or empty; stories already summarized by this model come from the cache.
 */
public final class LangChainSummarizer implements Summarizer {

    private static final Logger log = LoggerFactory.getLogger(LangChainSummarizer.class);

    private final ChatModel model;
    private final LlmTuning tuning;
    private final String engine;
    private final OfflineSummarizer offline;
    private final StoryWriter stories;
    private final CategoryWriter categories;

    /**
     * @param storyPrompt      system prompt for one story ({@code config/prompts/story.md})
     * @param categoriesPrompt system prompt for the categories ({@code config/prompts/categories.md})
     */
    public LangChainSummarizer(
            LlmConfig config,
            String storyPrompt,
            String categoriesPrompt,
            SummaryCache cache,
            OfflineSummarizer offline) {
        this(config, storyPrompt, categoriesPrompt, cache, offline, Aliases.bundled());
    }

    /** @param aliases names that ground each other in the grounding check ("英伟达" by "Nvidia") */
    public LangChainSummarizer(
            LlmConfig config,
            String storyPrompt,
            String categoriesPrompt,
            SummaryCache cache,
            OfflineSummarizer offline,
            Aliases aliases) {
        this(config, storyPrompt, categoriesPrompt, cache, offline, LlmTuning.from(config), aliases);
    }

    LangChainSummarizer(
            LlmConfig config,
            String storyPrompt,
            String categoriesPrompt,
            SummaryCache cache,
            OfflineSummarizer offline,
            LlmTuning tuning) {
        this(config, storyPrompt, categoriesPrompt, cache, offline, tuning, Aliases.bundled());
    }

    LangChainSummarizer(
            LlmConfig config,
            String storyPrompt,
            String categoriesPrompt,
            SummaryCache cache,
            OfflineSummarizer offline,
            LlmTuning tuning,
            Aliases aliases) {
        this.tuning = tuning;
        this.engine = config.model();
        this.offline = offline;
        this.model = chatModel(config, tuning);
        AnswerCheck check = new AnswerCheck();
        ResponseFormat format = config.jsonSchema() ? storySchema() : null;
        this.stories = new StoryWriter(
                storyPrompt,
                new StoryPrompt(tuning.maxPostChars(), tuning.maxPostsPerStory()),
                check,
                format,
                cache,
                engine,
                offline,
                aliases);
        this.categories = new CategoryWriter(categoriesPrompt, check, cache, engine, offline);
    }

    @Override
    public Summaries summarize(List<StoryBrief> input) {
        List<Story> stories = input.stream().map(StoryBrief::story).toList();
        if (input.isEmpty()) {
            return new Summaries(List.of(), offline.categories(stories), LlmUsage.NONE, OfflineSummarizer.ENGINE);
        }
        UsageMeter usage = new UsageMeter();
        ChatCaller caller = new ChatCaller(model, tuning, new CircuitBreaker(tuning.breakerThreshold()), usage);
        List<StorySummary> items = writeAll(input, caller);
        List<String> labels =
                categories.write(items.stream().map(StorySummary::headline).toList(), stories, caller);
        int fallbacks = (int) items.stream().filter(StorySummary::offline).count();
        // a digest in which the LLM wrote nothing is an offline digest and must say so
        String usedEngine = !items.isEmpty() && fallbacks == items.size() ? OfflineSummarizer.ENGINE : engine;
        return new Summaries(items, labels, usage.snapshot(fallbacks), usedEngine);
    }

    private List<StorySummary> writeAll(List<StoryBrief> input, ChatCaller caller) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tuning.concurrency(), input.size()), r -> {
            Thread t = new Thread(r, "llm-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<StorySummary>> futures = new ArrayList<>();
            for (StoryBrief s : input) {
                futures.add(pool.submit(() -> stories.write(s, caller)));
            }
            long deadline =
                    System.nanoTime() + tuning.digestDeadline(input.size()).toNanos();
            List<StorySummary> items = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                items.add(await(futures.get(i), input.get(i), deadline));
            }
            return items;
        } finally {
            pool.shutdownNow();
        }
    }

    private StorySummary await(Future<StorySummary> future, StoryBrief brief, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            future.cancel(true);
            log.warn(
                    "story {}: summary not done in time ({}), using the offline summary",
                    brief.story().key().substring(0, 12),
                    e.toString());
            return offline.summarize(brief);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return offline.summarize(brief);
        }
    }

    /** The provider's chat model, with our HTTP client (Retry-After kept) and no retries of its own. */
    static ChatModel chatModel(LlmConfig config, LlmTuning tuning) {
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey() == null || config.apiKey().isBlank() ? null : config.apiKey())
                .modelName(config.model())
                .timeout(tuning.timeout())
                .maxRetries(0) // our ChatCaller retries, with Retry-After and a circuit breaker
                .httpClientBuilder(ProviderHttpClient.builder()
                        .connectTimeout(tuning.connectTimeout())
                        .readTimeout(tuning.timeout()));
        if (config.jsonSchema()) {
            b.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
        }
        return b.build();
    }

    private static ResponseFormat storySchema() {
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name("story_summary")
                        .rootElement(JsonObjectSchema.builder()
                                .addStringProperty("headline")
                                .addStringProperty("summary")
                                .required("headline", "summary")
                                .additionalProperties(false)
                                .build())
                        .build())
                .build();
    }

    /** The engine name stored with cached summaries and shown in the digest. */
    public String engine() {
        return engine;
    }
}
