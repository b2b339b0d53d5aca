/**
 * The noise filter: which of a window's posts a digest reader should never see, and why. It owns
 * the rules ({@link dev.aidigest.digest.filter.PostFilter}: retweets, prompt injection, markup,
 * crypto spam, giveaways and engagement bait, ads, context-free replies, short and off-topic
 * chatter), their word lists ({@code src/main/resources/dev/aidigest/digest/filter/*.txt} and the
 * AI vocabulary {@code dev/aidigest/digest/ai-terms.txt}) and the operator's additions in the
 * config directory ({@code filter-terms.txt}, {@code noise-terms.txt}).
 *
 * <p>It may use {@link dev.aidigest.ingest.Post} and {@link dev.aidigest.digest.StoredPost}, and
 * nothing else of the application: no store, no LLM, no clustering. It judges posts by features of
 * their text and structure only, so no post's text can steer what is kept.
 */
package dev.aidigest.digest.filter;
