package dev.aidigest.search;

import com.huaban.analysis.jieba.JiebaSegmenter;
import java.io.PrintStream;

/**
 * Makes jieba segmenters. jieba announces its dictionary on {@code System.out}, where the CLI
 * prints markdown, so construction sends that line to stderr. (The dictionary itself is loaded once
 * per process by jieba.)
 */
public final class Jieba {
    private Jieba() {}

    public static synchronized JiebaSegmenter segmenter() {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return new JiebaSegmenter();
        } finally {
            System.setOut(out);
        }
    }
}
