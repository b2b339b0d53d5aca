package dev.aidigest.digest;

/**
 * Makes post text and LLM answers safe to drop into the digest's markdown. A post is data: its
 * {@code [}, {@code ]}, {@code *}, backticks or {@code <tag>} must not open a link, emphasis, code
 * span or raw HTML. They are replaced by full-width look-alikes rather than backslash-escaped,
 * because the same text also reaches chats whose markdown dialects treat backslashes differently.
 */
public final class MarkdownSafe {

    private MarkdownSafe() {}

    /** One line of plain text with every markdown-active character neutralised. */
    public static String plain(String text) {
        return defuseLineStart(neutralise(oneLine(text)));
    }

    /** A headline: plain text, never bold (it is the text of a link). */
    public static String headline(String text) {
        return plain(text == null ? "" : text.replace("**", ""));
    }

    /**
     * A summary that may carry {@code **bold**} phrases: balanced pairs are kept, everything else is
     * neutralised; unbalanced markers are dropped.
     */
    public static String withBold(String text) {
        String[] parts = oneLine(text).split("\\*\\*", -1);
        if (parts.length % 2 == 0) {
            return plain(String.join("", parts));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = neutralise(parts[i]);
            if (i % 2 == 0) {
                out.append(part);
            } else if (!part.isBlank()) {
                out.append(bold(part.strip()));
            }
        }
        return defuseLineStart(out.toString().replaceAll("\\s+", " ").strip());
    }

    /** Wraps a phrase in bold; the phrase is assumed to be {@link #plain} already. */
    public static String bold(String phrase) {
        return "**" + phrase + "**";
    }

    private static String neutralise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '[' -> out.append('［');
                case ']' -> out.append('］');
                case '*' -> out.append('＊');
                case '`' -> out.append('｀');
                case '<' -> out.append('＜');
                case '>' -> out.append('＞');
                case '\\' -> out.append('＼');
                case '~' -> out.append('～');
                case '|' -> out.append('｜');
                case '_' -> out.append(intraword(s, i) ? '_' : '＿');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static boolean intraword(String s, int i) {
        return i > 0
                && i + 1 < s.length()
                && Character.isLetterOrDigit(s.charAt(i - 1))
                && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    /** At the start of an indented summary line, "- x", "# x", "> x" or "1. x" would change the block. */
    private static String defuseLineStart(String s) {
        if (s.matches("^[-+#＞>]+\\s.*")) {
            return s.replaceFirst("^[-+#＞>]+\\s+", "");
        }
        if (s.matches("^\\d{1,9}[.)]\\s.*")) {
            return s.replaceFirst("^(\\d{1,9})[.)]", "$1．");
        }
        return s;
    }
}
