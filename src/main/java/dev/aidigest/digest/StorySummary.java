package dev.aidigest.digest;

/**
 * The words a reader sees for one story.
 *
 * @param headline Chinese headline (or the posts' own language when offline)
 * @param summary  2–4 sentences with {@code **bold**} key phrases
 * @param offline  true when it was extracted from the posts rather than written by the LLM
 */
public record StorySummary(String headline, String summary, boolean offline) {}
