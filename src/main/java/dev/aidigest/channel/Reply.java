package dev.aidigest.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * A platform-neutral rich message: blocks of spans (plain, bold, link) and optional buttons. Each
 * channel renders it in its own format (Telegram HTML, Discord markdown, Lark cards) and splits it
 * between blocks when it exceeds the platform's message size, so an item is never cut in half.
 */
public record Reply(List<Block> blocks, List<Button> buttons) {

    public Reply {
        blocks = List.copyOf(blocks);
        buttons = List.copyOf(buttons);
    }

    /** A one-paragraph reply. */
    public static Reply text(String text) {
        return new Reply(List.of(Block.of(Span.plain(text))), List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The reply without any formatting, blocks separated by blank lines (the "can't parse" fallback). */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b.plainText());
        }
        return sb.toString();
    }

    /** A reply made of some of these blocks; buttons stay with the last part. */
    public Reply part(List<Block> partBlocks, boolean last) {
        return new Reply(partBlocks, last ? buttons : List.of());
    }

    /** One paragraph or one digest item: lines of spans. Splitting never happens inside a block. */
    public record Block(List<List<Span>> lines) {
        public Block {
            lines = lines.stream().map(List::copyOf).toList();
        }

        public static Block of(Span... spans) {
            return new Block(List.of(List.of(spans)));
        }

        /** The text of the spans, each http(s) link written after its text in parentheses. */
        public String plainText() {
            StringBuilder sb = new StringBuilder();
            for (List<Span> line : lines) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                for (Span s : line) {
                    sb.append(s.text());
                    // the link every rich rendering sends: a javascript: or broken one stays out here too
                    String url = ReplyMarkdown.link(s.url());
                    if (url != null && !url.equals(s.text())) {
                        sb.append(" (").append(url).append(')');
                    }
                }
            }
            return sb.toString();
        }
    }

    /** A piece of text; bold, or a link when {@code url} is set. */
    public record Span(String text, boolean bold, String url) {
        public static Span plain(String text) {
            return new Span(text, false, null);
        }

        public static Span bold(String text) {
            return new Span(text, true, null);
        }

        public static Span link(String text, String url) {
            return new Span(text, false, url);
        }
    }

    /** An inline button; {@code action} comes back to the command layer as a command line. */
    public record Button(String label, String action) {}

    /** Collects blocks and buttons. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();
        private final List<Button> buttons = new ArrayList<>();

        public Builder block(Block b) {
            blocks.add(b);
            return this;
        }

        public Builder paragraph(Span... spans) {
            return block(Block.of(spans));
        }

        public Builder line(String text) {
            return paragraph(Span.plain(text));
        }

        public Builder button(String label, String action) {
            buttons.add(new Button(label, action));
            return this;
        }

        public Reply build() {
            return new Reply(blocks, buttons);
        }
    }
}
