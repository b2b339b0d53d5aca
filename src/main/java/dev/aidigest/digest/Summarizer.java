package dev.aidigest.digest;

import java.util.List;

/**
 * Writes the headline and summary of each story and the digest's categories. The LLM adapter and
 * the offline extractive summarizer both implement it; the LLM one falls back to the offline one
 * item by item, so the result always has one summary per story. A follow-up's summary says what is
 * new ({@link StoryBrief#whatIsNew()}); its headline mark is added by the digest, not here.
 */
public interface Summarizer {

    /** One summary per brief, in the briefs' order. */
    Summaries summarize(List<StoryBrief> stories);
}
