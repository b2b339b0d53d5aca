/**
 * Text analysis shared by the digest, search, the report and the LLM checks. Today: {@link
 * dev.aidigest.text.Aliases}, the Chinese and English names of one entity ({@code 英伟达} ⇄ {@code
 * Nvidia}) read from {@code config/aliases.yml} and found in text in one pass over a trie.
 *
 * <p>May use {@code dev.aidigest.config} (for {@code ConfigException}) and Jackson; nothing else of
 * ours, so every other package can depend on it without a cycle.
 */
package dev.aidigest.text;
