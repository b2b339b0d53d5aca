/**
 * Search terms for {@code /topic} and follows: jieba-segmented Chinese and Latin tokens kept whole
 * and split on punctuation. The index itself lives in the database ({@code store.SearchStore}), so
 * the same SQL answers on H2 and PostgreSQL.
 *
 * <p>May use {@code text}, {@code delivery} and jieba.
 */
package dev.aidigest.search;
