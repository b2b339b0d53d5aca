package dev.aidigest.channel.telegram;

import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Block;
import dev.aidigest.channel.Reply.Span;
import dev.aidigest.channel.ReplyMarkdown;
import dev.aidigest.channel.ReplySplitter;
import dev.aidigest.render.HtmlEscape;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} in Telegram's HTML subset ({@code <b>}, {@code <a href>}) and splits it
 * into messages of at most {@link #LIMIT} characters between blocks. Only {@code &}, {@code <},
 * {@code >} (and {@code "} inside href) need escaping; everything else is sent as is.
 */
final class TelegramHtml {

    /** Telegram's maximum message length. The HTML length is measured, which is never shorter. */
    static final int LIMIT = 4096;

    private TelegramHtml() {}

    static String render(Reply reply) {
        StringBuilder sb = new StringBuilder();
        for (Block b : reply.blocks()) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(block(b));
        }
        return sb.toString();
    }

    static String block(Block b) {
        StringBuilder sb = new StringBuilder();
        for (List<Span> line : b.lines()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            for (Span s : line) {
                sb.append(span(s));
            }
        }
        return sb.toString();
    }

    private static String span(Span s) {
        String text = escape(s.text());
        if (s.bold()) {
            text = "<b>" + text + "</b>";
        }
        // the same links as the other platforms: Telegram refuses the whole message for a bad URL
        String url = ReplyMarkdown.link(s.url());
        if (url != null) {
            text = "<a href=\"" + escape(url) + "\">" + text + "</a>";
        }
        return text;
    }

    static String escape(String s) {
        return HtmlEscape.escape(s);
    }

    /**
     * Parts of at most {@code limit} characters as HTML and as plain text; a block too long alone is
     * cut as plain text.
     */
    static List<Reply> split(Reply reply, int limit) {
        List<Reply> parts = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        int length = 0;
        for (Block b : reply.blocks()) {
            // the plain text is sent when Telegram cannot parse the HTML: one message too (it keeps
            // what the HTML escaper drops, such as U+FFFF), so a failure cannot resend half a part
            int size = Math.max(block(b).length(), b.plainText().length());
            if (size > limit) {
                if (!current.isEmpty()) {
                    parts.add(reply.part(current, false));
                    current = new ArrayList<>();
                    length = 0;
                }
                for (String piece : cut(b.plainText(), limit)) {
                    if (!ReplySplitter.blank(piece)) { // Telegram refuses a message that shows nothing
                        parts.add(reply.part(List.of(Block.of(Span.plain(piece))), false));
                    }
                }
                continue;
            }
            int added = current.isEmpty() ? size : size + 2;
            if (length + added > limit) {
                parts.add(reply.part(current, false));
                current = new ArrayList<>();
                added = size;
                length = 0;
            }
            current.add(b);
            length += added;
        }
        if (!current.isEmpty()) {
            parts.add(reply.part(current, false));
        }
        // Telegram refuses a message that shows nothing: a part of blank blocks alone is left out
        List<Reply> shown =
                new ArrayList<>(parts.stream().filter(p -> !showsNothing(p)).toList());
        if (shown.isEmpty()) {
            shown = parts.isEmpty() ? new ArrayList<>(List.of(reply.part(List.of(), false))) : parts;
        }
        Reply last = shown.remove(shown.size() - 1);
        shown.add(reply.part(last.blocks(), true));
        return shown;
    }

    /**
     * A part as plain text (what is sent when Telegram cannot parse its HTML) in messages of at most
     * {@code limit} characters: a part made by {@link #split} fits in one, but Telegram may refuse one as
     * too long for reasons of its own. Pieces that show
     * nothing are left out (Telegram refuses them); never empty.
     */
    static List<String> plainParts(Reply part, int limit) {
        String text = part.plainText();
        List<String> pieces = text.length() <= limit
                ? List.of(text)
                : cut(text, limit).stream().filter(p -> !ReplySplitter.blank(p)).toList();
        return pieces.isEmpty() ? List.of(text) : pieces;
    }

    /** True when the part, as sent, is white space and controls only (the escaper drops what HTML cannot hold). */
    static boolean showsNothing(Reply part) {
        return ReplySplitter.blank(render(part).replaceAll("<[^>]*>", ""));
    }

    /**
     * Cuts text so that each piece, once escaped, fits; prefers a line break or space to cut at, never
     * cuts a surrogate pair.
     */
    private static List<String> cut(String text, int limit) {
        List<String> out = new ArrayList<>();
        int budget = limit / 5; // worst case every char becomes "&amp;"
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + Math.max(budget, limit - 200));
            while (end - start > 100 && escape(text.substring(start, end)).length() > limit) {
                end -= 100;
            }
            if (end < text.length()) {
                int nl = Math.max(text.lastIndexOf('\n', end), text.lastIndexOf(' ', end));
                if (nl > start + budget) {
                    end = nl;
                }
            }
            end = ReplySplitter.boundary(text, end, start);
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
