/**
 * The summarizer that needs no LLM: each story's headline and summary extracted from its own posts,
 * and the digest's category labels by keyword rules. Owns choosing which post tells a story (a
 * Chinese telling first), picking and cleaning its sentences, the bold key phrases, the Chinese
 * scaffolding that credits other authors, and "says the same thing" for short texts
 * ({@link dev.aidigest.digest.summary.SentenceOverlap}, which the LLM adapter also uses to skip
 * repeated posts).
 *
 * <p>May use the digest's values and port ({@code Story}, {@code StoredPost}, {@code Summarizer},
 * {@code Summaries}, {@code StorySummary}, {@code LlmUsage}), its text helpers ({@code PostText},
 * {@code MarkdownSafe}), the shared tokenizer ({@code text.MixedText}: the words of a text), the ingested post
 * value ({@code ingest.Post}) and the JDK; nothing else. The digest pipeline does not depend on this
 * package: the summarizer reaches it through the {@code Summarizer} port, chosen by the wiring.
 */
package dev.aidigest.digest.summary;
