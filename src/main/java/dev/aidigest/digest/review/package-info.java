/**
 * A second look at the story decisions the offline engine was unsure of: the {@link
 * dev.aidigest.digest.review.MergeReview} port, its do-nothing implementation for offline mode, which
 * stories and posts a reviewer is shown ({@link dev.aidigest.digest.review.ReviewCandidates}) and the
 * pure logic that applies a reviewer's answer only where it is consistent ({@link
 * dev.aidigest.digest.review.ReviewDecisions}). It uses the digest's value types ({@code Story},
 * {@code StoredPost}, {@code LlmUsage}) and nothing else; the LLM adapter lives in {@code llm}.
 */
package dev.aidigest.digest.review;
