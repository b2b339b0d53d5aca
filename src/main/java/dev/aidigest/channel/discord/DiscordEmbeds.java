package dev.aidigest.channel.discord;

import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Block;
import dev.aidigest.channel.Reply.Span;
import dev.aidigest.channel.ReplySplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as Discord embeds in Discord's markdown and splits it between blocks so
 * each message keeps Discord's limits: 4096 characters per embed description, 256 per title, 6000
 * for all embeds of a message together, 10 embeds, 5 buttons with ids of at most 100 characters.
 */
final class DiscordEmbeds {

    static final int DESCRIPTION = 4096;
    static final int TITLE = 256;
    static final int MESSAGE = 6000;
    static final int EMBEDS = 10;
    static final int BUTTONS = 5;
    /** The embed colour (a calm blue). */
    static final int COLOR = 0x3B82F6;

    /** One embed: an optional title and a markdown description. */
    record Embed(String title, String description) {
        int size() {
            return (title == null ? 0 : title.length()) + description.length();
        }
    }

    /** One Discord message: its embeds and buttons (label, custom id). */
    record Message(List<Embed> embeds, List<Reply.Button> buttons) {
        int size() {
            return embeds.stream().mapToInt(Embed::size).sum();
        }
    }

    private DiscordEmbeds() {}

    /**
     * The message for one part; a first line that is a single bold span of 1 to 256 characters, not blank,
     * becomes the title (Discord refuses an empty one).
     */
    static Message message(Reply part) {
        List<Block> blocks = new ArrayList<>(part.blocks());
        String title = null;
        if (!blocks.isEmpty() && !blocks.get(0).lines().isEmpty()) {
            List<List<Span>> lines = blocks.get(0).lines();
            List<Span> first = lines.get(0);
            if (first.size() == 1
                    && first.get(0).bold()
                    && first.get(0).url() == null
                    && !ReplySplitter.blank(first.get(0).text())
                    && first.get(0).text().length() <= TITLE) {
                title = first.get(0).text();
                blocks.remove(0);
                if (lines.size() > 1) {
                    blocks.add(0, new Block(lines.subList(1, lines.size())));
                }
            }
        }
        List<Embed> embeds = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        for (Block b : blocks) {
            String md = markdown(b);
            if (ReplySplitter.blank(md)) {
                continue; // Discord refuses an embed that shows nothing, and nothing is lost
            }
            if (desc.length() > 0 && desc.length() + 2 + md.length() > DESCRIPTION) {
                embeds.add(new Embed(title, desc.toString()));
                title = null;
                desc = new StringBuilder();
            }
            if (desc.length() > 0) {
                desc.append("\n\n");
            }
            desc.append(md);
        }
        if (desc.length() > 0 || title != null) {
            embeds.add(new Embed(title, desc.toString()));
        }
        List<Reply.Button> buttons = part.buttons().stream()
                .limit(BUTTONS)
                .map(b -> new Reply.Button(clip(b.label(), 80), clip(b.action(), 100)))
                .toList();
        return new Message(embeds, buttons);
    }

    static boolean fits(Message m) {
        return m.embeds().size() <= EMBEDS
                && m.size() <= MESSAGE
                && m.embeds().stream().allMatch(e -> e.description().length() <= DESCRIPTION);
    }

    /** Parts that each render to one message within the limits; a block too big alone is cut as plain text. */
    static List<Reply> split(Reply reply) {
        List<Reply> parts = ReplySplitter.split(reply, blocks -> fits(message(reply.part(blocks, false))), 1800);
        // a part of blank blocks alone would be a message without embeds, which Discord refuses
        List<Reply> shown = parts.stream()
                .filter(p -> {
                    Message m = message(p);
                    return !m.embeds().isEmpty() || !m.buttons().isEmpty();
                })
                .toList();
        return shown.isEmpty() ? parts : shown;
    }

    static String markdown(Block b) {
        return dev.aidigest.channel.ReplyMarkdown.render(b, DiscordEmbeds::escape);
    }

    /** Backslash before every character Discord's markdown would act on. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\*_~`|>[]()#<:".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** At most {@code max} characters, never half an emoji. */
    static String clip(String s, int max) {
        return ReplySplitter.clip(s, max);
    }
}
