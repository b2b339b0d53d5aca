/**
 * Search terms for {@code /topic} and follows: jieba-segmented Chinese and Latin tokens kept whole
 * and split on punctuation, both found by the shared tokenizer ({@code text.MixedText}, whose one
 * jieba segmenter is {@code text.Jieba}). The index itself lives in the database
 * ({@code store.SearchStore}), so the same SQL answers on H2 and PostgreSQL.
 *
 * <p>May use {@code text}, {@code delivery} and jieba.
 */
package dev.aidigest.search;
