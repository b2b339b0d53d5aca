package dev.aidigest.llm;

import dev.aidigest.config.AppConfig.LlmConfig;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.review.MergeReview;
import dev.aidigest.digest.review.NearPair;
import dev.aidigest.digest.review.ReviewCandidates;
import dev.aidigest.digest.review.ReviewDecisions;
import dev.aidigest.digest.review.Reviewed;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merge review through any OpenAI-compatible LLM, in ONE call per digest. The model sees, per
 * story, its id, time, authors and one line per post (the lead's first 120 characters, a few other
 * posts' first 80, each with its post id; see {@link MergeReviewPrompt}), and the near pairs as
 * id pairs; it answers with ids only, and {@link ReviewDecisions} applies what is consistent.
 *
 * <p>What is sent is capped: at most {@value #MAX_STORIES} stories (the top-ranked first, then the
 * near pairs, closest first), at most {@value ReviewCandidates#POSTS_PER_STORY} posts of each, and about
 * {@value #MAX_INPUT_TOKENS} input tokens with the system prompt (counted cautiously, so the
 * provider's count is lower); stories past a cap are not shown and so cannot be changed.
 *
 * <p>The call goes through {@link ChatCaller} with its own circuit breaker, and is retried at most
 * once whatever {@code llm.max_retries} says: the review is optional, so it never costs more than
 * two calls. Garbage, an empty answer, an HTTP error, a timeout or any exception leave the stories
 * as they are; every attempt that reached the provider is counted in the usage. A provider that
 * hangs costs at most two {@code llm.timeout_seconds} and one backoff before the summaries start.
 */
public final class LlmMergeReview implements MergeReview {

    public static final int MAX_STORIES = 40;
    public static final int MAX_INPUT_TOKENS = 6000;

    private static final Logger log = LoggerFactory.getLogger(LlmMergeReview.class);

    private final String systemPrompt;
    private final LlmTuning tuning;
    private final ChatModel model;
    private final MergeReviewPrompt prompt;
    private final MergeAnswer answers = new MergeAnswer(new AnswerCheck());

    /** @param systemPrompt {@code config/prompts/merge-review.md} */
    public LlmMergeReview(LlmConfig config, String systemPrompt) {
        this(config, systemPrompt, LlmTuning.from(config), MAX_STORIES, MAX_INPUT_TOKENS);
    }

    LlmMergeReview(LlmConfig config, String systemPrompt, LlmTuning tuning, int maxStories, int maxInputTokens) {
        this.systemPrompt = systemPrompt;
        this.tuning = atMostOneRetry(tuning);
        this.model = LangChainSummarizer.chatModel(config, this.tuning);
        this.prompt = new MergeReviewPrompt(maxStories, maxInputTokens);
    }

    @Override
    public Reviewed review(List<Story> stories, List<NearPair> near, List<Integer> top) {
        UsageMeter usage = new UsageMeter();
        try {
            MergeReviewPrompt.Rendered rendered = prompt.render(systemPrompt, stories, near, top);
            if (!rendered.shown().worthAsking()) {
                return Reviewed.unchanged(stories, LlmUsage.NONE, "nothing to review");
            }
            ChatCaller caller = new ChatCaller(model, tuning, new CircuitBreaker(tuning.breakerThreshold()), usage);
            String text = caller.call(
                            List.of(SystemMessage.from(systemPrompt), UserMessage.from(rendered.user())), null)
                    .text();
            MergeAnswer.Read read = answers.read(text);
            if (read.answer() == null) {
                log.warn("merge review: {}; stories unchanged", read.notes());
                return new Reviewed(stories, usage.snapshot(0), read.notes());
            }
            Reviewed applied = ReviewDecisions.apply(stories, top, rendered.shown(), read.answer());
            List<String> notes = new ArrayList<>(read.notes());
            notes.addAll(applied.notes());
            log.info(
                    "merge review of {} stories (~{} tokens): {}",
                    rendered.shown().size(),
                    rendered.estimatedTokens(),
                    notes);
            return new Reviewed(applied.stories(), usage.snapshot(0), notes);
        } catch (LlmUnavailableException e) {
            log.warn("merge review: no answer ({}); stories unchanged", e.getMessage());
            return Reviewed.unchanged(stories, usage.snapshot(0), "no answer: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("merge review failed; stories unchanged", e);
            return Reviewed.unchanged(stories, usage.snapshot(0), "failed: " + e);
        }
    }

    private static LlmTuning atMostOneRetry(LlmTuning t) {
        return new LlmTuning(
                t.timeout(),
                t.concurrency(),
                Math.min(1, t.retries()),
                t.backoff(),
                t.maxWait(),
                t.breakerThreshold(),
                t.maxPostChars(),
                t.maxPostsPerStory());
    }
}
