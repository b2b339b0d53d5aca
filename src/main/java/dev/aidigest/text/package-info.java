/**
 * Text analysis shared by the digest, search, the report and the LLM checks.
 *
 * <ul>
 *   <li>{@link dev.aidigest.text.MixedText}: the one tokenizer of mixed Chinese/English text. It finds
 *       the Latin tokens ({@link dev.aidigest.text.LatinToken}, with their offsets; which marks join a
 *       token, {@code FLUX.2}, {@code C++}, {@code gpt-4o/mini}, is its
 *       {@link dev.aidigest.text.MixedText.Rules}) and the Han runs. Every package that reads words
 *       out of a text reads them here and keeps only its own normalisation (case, stop words,
 *       splitting, character pairs).
 *   <li>{@link dev.aidigest.text.Jieba}: the process's one jieba segmenter for Han runs, loaded on
 *       first use.
 *   <li>{@link dev.aidigest.text.Aliases}: the Chinese and English names of one entity ({@code 英伟达}
 *       ⇄ {@code Nvidia}) read from {@code config/aliases.yml} and found in text in one pass over a trie.
 * </ul>
 *
 * <p>May use {@code dev.aidigest.config} (for {@code ConfigException}), Jackson and jieba; nothing else
 * of ours, so every other package can depend on it without a cycle.
 */
package dev.aidigest.text;
