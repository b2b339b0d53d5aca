package dev.aidigest.llm;

import dev.aidigest.config.AppConfig.LlmConfig;
import java.time.Duration;

/**
 * How hard the summarizer tries, derived from {@link LlmConfig}; tests shrink the waits.
 *
 * @param timeout          per HTTP call (connect is capped at 5 s: a dead host must fail fast)
 * @param concurrency      story calls in flight at once
 * @param retries          extra attempts after a 429, 5xx or timeout
 * @param backoff          first wait between attempts, doubled each time, unless Retry-After says otherwise
 * @param maxWait          longest single wait, whatever Retry-After asks; longer and the item falls back
 * @param breakerThreshold consecutive failed attempts (connection, timeout, 5xx) that stop all LLM
 *                         calls for the rest of the digest
 * @param maxPostChars     each post is trimmed to this before it is sent
 * @param maxPostsPerStory at most this many posts of a story are sent
 */
record LlmTuning(
        Duration timeout,
        int concurrency,
        int retries,
        Duration backoff,
        Duration maxWait,
        int breakerThreshold,
        int maxPostChars,
        int maxPostsPerStory) {

    static LlmTuning from(LlmConfig c) {
        return new LlmTuning(
                Duration.ofSeconds(c.timeoutSeconds() > 0 ? c.timeoutSeconds() : 60),
                c.maxConcurrency() > 0 ? c.maxConcurrency() : 4,
                Math.max(0, c.maxRetries()),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                3,
                c.maxPostChars() > 0 ? c.maxPostChars() : 600,
                c.maxPostsPerStory() > 0 ? c.maxPostsPerStory() : 6);
    }

    Duration connectTimeout() {
        return timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
    }

    /** The overall deadline of one digest: every story may need its attempts and one repair. */
    Duration digestDeadline(int stories) {
        int waves = (stories + concurrency - 1) / concurrency + 1;
        return timeout.plus(maxWait)
                .multipliedBy((long) (retries + 1) * 2 * waves)
                .plusSeconds(10);
    }
}
