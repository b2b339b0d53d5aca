package dev.aidigest.testing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Block;
import dev.aidigest.channel.Reply.Span;
import dev.aidigest.command.InlineMarkdown;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies made from fuzzer input the way the product makes them: a digest title, items of a link, credits and
 * a summary whose inline markdown (an LLM writes it) goes through {@link InlineMarkdown}, and raw spans with
 * any text and link, among them markup, entities, control and bidirectional characters, emoji and their
 * pairs, and strings far longer than one message. Text never holds a lone surrogate: the renderers are held
 * to never making one, which is only checkable when the input has none.
 */
public final class FuzzedReplies {

    /** Pieces the fuzzer would take long to find byte by byte. */
    private static final String[] PIECES = {
        "&",
        "&amp;",
        "&#34;",
        "<",
        ">",
        "\"",
        "'",
        "<b>",
        "</b>",
        "<a href=\"javascript:x\">",
        "</a>",
        "<at id=all>",
        "**",
        "*",
        "_",
        "~",
        "`",
        "[",
        "]",
        "(",
        ")",
        "](",
        "\\",
        "#",
        "|",
        ":",
        "@everyone",
        "\u0000",
        "\u0007",
        "\u001b[2J",
        "\r",
        "\n",
        "\n\n",
        " ",
        "\t",
        "\u00a0",
        "\u202e",
        "\u2028",
        "\ufeff",
        "长",
        "😀",
        "👨‍👩‍👧",
        "🇨🇳",
        "e\u0301",
        "https://x.com/a_(b)",
        "javascript:alert(1)",
        "HTTPS://A.example/",
        "http://[::1]/",
    };

    private static final String[] URLS = {
        "https://x.com/dotey/status/1993000000000000101",
        "https://例子.测试/路径?q=a b",
        "javascript:alert(1)",
        "http://a.example/\"><script>",
        "https://a.example/)](javascript:x)",
        "data:text/html,x",
        "//a.example",
        "https://user:pw@a.example/",
        "ftp://a.example/",
    };

    private static final InlineMarkdown MARKDOWN = new InlineMarkdown();

    private FuzzedReplies() {}

    /** A reply of up to {@code maxBlocks} blocks and seven buttons. */
    public static Reply reply(FuzzedDataProvider data, int maxBlocks) {
        Reply.Builder b = Reply.builder();
        if (data.consumeBoolean()) {
            List<List<Span>> head = new ArrayList<>();
            head.add(List.of(Span.bold(text(data, 300))));
            if (data.consumeBoolean()) {
                head.add(List.of(Span.plain("分类：" + text(data, 80))));
            }
            b.block(new Block(head));
        }
        for (int i = data.consumeInt(0, maxBlocks); i > 0; i--) {
            List<List<Span>> lines = new ArrayList<>();
            for (int l = data.consumeInt(1, 3); l > 0; l--) {
                lines.add(line(data));
            }
            b.block(new Block(lines));
        }
        for (int i = data.consumeInt(0, 7); i > 0; i--) {
            b.button("第" + i + text(data, 100), "/digest " + text(data, 150));
        }
        return b.build();
    }

    private static List<Span> line(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> MARKDOWN.spans(text(data, 600));
            case 1 -> {
                List<Span> spans = new ArrayList<>();
                for (int s = data.consumeInt(1, 4); s > 0; s--) {
                    spans.add(new Span(text(data, 200), data.consumeBoolean(), url(data)));
                }
                yield spans;
            }
            case 2 -> List.of(Span.plain(data.consumeInt(1, 99) + ". "), Span.link(text(data, 200), url(data)));
            default -> {
                // far longer than any message: a piece repeated, which a plain-text cut has to divide
                String piece = text(data, 8);
                yield List.of(new Span(
                        (piece.isEmpty() ? "长" : piece).repeat(data.consumeInt(1, 6000)), data.consumeBoolean(), null));
            }
        };
    }

    /** Up to {@code max} characters: fuzzer text mixed with the pieces above, lone surrogates replaced. */
    public static String text(FuzzedDataProvider data, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = data.consumeInt(0, 6); i > 0 && sb.length() < max; i--) {
            if (data.consumeBoolean()) {
                sb.append(data.pickValue(PIECES));
            } else {
                sb.append(data.consumeString(max - sb.length()));
            }
        }
        return withoutLoneSurrogates(sb.length() <= max ? sb.toString() : sb.substring(0, max));
    }

    private static String url(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> data.pickValue(URLS);
            case 2 -> "https://" + text(data, 80);
            default -> text(data, 120);
        };
    }

    /** {@code s} with each unpaired surrogate replaced by U+FFFD. */
    public static String withoutLoneSurrogates(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1. */
    public static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
