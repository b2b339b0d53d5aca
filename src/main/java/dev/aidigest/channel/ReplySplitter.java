package dev.aidigest.channel;

import dev.aidigest.channel.Reply.Block;
import dev.aidigest.channel.Reply.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a {@link Reply} into parts that each fit one platform message, only between blocks
 * (digest items); the last part keeps the reply's buttons. A block too big on its own is cut into
 * plain-text pieces, leaving out those that would show nothing.
 */
public final class ReplySplitter {
    private ReplySplitter() {}

    /**
     * @param fits     whether these blocks, rendered as one message, are within the platform's limits
     * @param cutChars the size of the plain-text pieces a too-big block is cut into
     */
    public static List<Reply> split(Reply reply, Predicate<List<Block>> fits, int cutChars) {
        List<Reply> parts = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        for (Block b : reply.blocks()) {
            if (!fits.test(List.of(b))) {
                flush(reply, parts, current);
                for (String piece : cut(b.plainText(), cutChars)) {
                    if (!blank(piece)) {
                        parts.add(reply.part(List.of(Block.of(Span.plain(piece))), false));
                    }
                }
                continue;
            }
            current.add(b);
            if (!fits.test(current)) {
                current.remove(current.size() - 1);
                flush(reply, parts, current);
                current.add(b);
            }
        }
        if (!current.isEmpty() || parts.isEmpty()) {
            parts.add(reply.part(current, true));
        } else {
            Reply last = parts.remove(parts.size() - 1);
            parts.add(reply.part(last.blocks(), true));
        }
        return parts;
    }

    /**
     * Pieces of at most {@code chars}, cut at a line break or space in the second half when there is one,
     * never between the two halves of a surrogate pair (an emoji cut in two is invalid text every platform
     * refuses).
     */
    public static List<String> cut(String text, int chars) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + chars);
            if (end < text.length()) {
                int at = Math.max(text.lastIndexOf('\n', end), text.lastIndexOf(' ', end));
                if (at > start + chars / 2) {
                    end = at;
                }
            }
            end = boundary(text, end, start);
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    /**
     * True when {@code s} shows nothing: white space and control characters only. Platforms refuse such a
     * message (Telegram: text must be non-empty; Discord: an empty embed), so a cut never sends one.
     */
    public static boolean blank(String s) {
        return s.isBlank() || s.trim().isEmpty();
    }

    /** The first {@code max} chars of {@code s} at most, without half a surrogate pair. */
    public static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, boundary(s, max, 0));
    }

    /**
     * {@code end}, or one less when it falls inside a surrogate pair and that leaves something after
     * {@code start}: a cut there always moves on.
     */
    public static int boundary(String s, int end, int start) {
        boolean inPair = end > 0
                && end < s.length()
                && Character.isHighSurrogate(s.charAt(end - 1))
                && Character.isLowSurrogate(s.charAt(end));
        return inPair && end - 1 > start ? end - 1 : end;
    }

    private static void flush(Reply reply, List<Reply> parts, List<Block> current) {
        if (!current.isEmpty()) {
            parts.add(reply.part(new ArrayList<>(current), false));
            current.clear();
        }
    }
}
