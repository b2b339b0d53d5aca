package dev.aidigest.text;

import com.huaban.analysis.jieba.JiebaSegmenter;
import java.io.PrintStream;

/**
 * The one jieba segmenter of the process, for Chinese words where character pairs will not do
 * (search terms, the word cloud). It is made when first asked for: jieba loads its dictionary
 * (~3 s) then, so a process that never meets Chinese text never pays for it. jieba announces the
 * dictionary on {@code System.out}, where the CLI prints markdown, so that line goes to stderr.
 * A segmenter keeps no state between calls; threads share it.
 */
public final class Jieba {
    private Jieba() {}

    public static JiebaSegmenter segmenter() {
        return Shared.SEGMENTER;
    }

    /** Loaded on first use of {@link #segmenter}, once (class initialisation is lazy and thread-safe). */
    private static final class Shared {
        static final JiebaSegmenter SEGMENTER = make();

        private static JiebaSegmenter make() {
            PrintStream out = System.out;
            System.setOut(System.err);
            try {
                return new JiebaSegmenter();
            } finally {
                System.setOut(out);
            }
        }
    }
}
