package dev.aidigest.llm;

import dev.aidigest.digest.LlmUsage;
import java.util.concurrent.atomic.AtomicInteger;

/** What one digest spends, counted from several story threads at once. */
final class UsageMeter {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inputTokens = new AtomicInteger();
    private final AtomicInteger outputTokens = new AtomicInteger();

    void call(int in, int out) {
        calls.incrementAndGet();
        inputTokens.addAndGet(in);
        outputTokens.addAndGet(out);
    }

    /** @param fallbacks items that ended up with the offline summary */
    LlmUsage snapshot(int fallbacks) {
        return new LlmUsage(calls.get(), inputTokens.get(), outputTokens.get(), fallbacks);
    }
}
