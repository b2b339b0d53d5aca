package dev.aidigest.digest;

import java.util.List;

/**
 * What a {@link Summarizer} returns for a list of stories.
 *
 * @param items      one summary per story, in the stories' order
 * @param categories 3–6 short Chinese category labels for the digest
 * @param engine     {@code offline} or the LLM model name
 */
public record Summaries(List<StorySummary> items, List<String> categories, LlmUsage usage, String engine) {}
