/**
 * The daily report: read the day's stored digest items and posts, write the report
 * (offline and extractive, or by the LLM adapter in at most two calls), draw its word cloud, store it
 * as the {@code digest} row of kind {@code report} and write it into the Hugo site. Reuses the digest
 * items' summaries; never asks for a post to be summarized again. The word cloud reads its words with
 * the shared tokenizer ({@code text.MixedText}, {@code text.Jieba}) and the digest's word lists.
 *
 * <p>May use {@code digest}, {@code text}, {@code render}, jieba and kumo; never the store or the LLM adapter, which plug in through its ports.
 */
package dev.aidigest.report;
