/**
 * The story engine: from a window of stored posts to a {@code Digest} of ranked, summarised stories. Owns the
 * digest model ({@code Digest}, {@code Story}, {@code StoredPost}, {@code Slot}), the builder and the ports it is
 * given ({@code Summarizer}, the review and summary caches). Its subpackages cluster, filter, rank, review,
 * summarise and explain. Words come from the shared tokenizer ({@code text.MixedText}: Latin tokens by its
 * name rules, Han runs). May use {@code ingest} (the post model), {@code text} and {@code config}; never the
 * store, the LLM adapter, the channels or the web server, which plug in through its ports.
 */
package dev.aidigest.digest;
