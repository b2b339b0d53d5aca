package dev.aidigest.digest;

/** What a digest cost: LLM calls, tokens, and items that fell back to the offline summary. */
public record LlmUsage(int calls, int inputTokens, int outputTokens, int fallbacks) {
    public static final LlmUsage NONE = new LlmUsage(0, 0, 0, 0);

    public LlmUsage plus(LlmUsage o) {
        return new LlmUsage(
                calls + o.calls, inputTokens + o.inputTokens, outputTokens + o.outputTokens, fallbacks + o.fallbacks);
    }
}
