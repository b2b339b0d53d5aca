package dev.aidigest.channel.lark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Block;
import dev.aidigest.channel.Reply.Span;
import dev.aidigest.channel.ReplySplitter;
import dev.aidigest.render.HtmlEscape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as a Lark interactive card (one {@code lark_md} div per block, buttons in
 * an action row whose value carries the command action) and splits it between blocks so that each
 * card, as sent inside the message's {@code content} string, stays under {@link #LIMIT} bytes.
 * Lark rejects cards somewhere around 20–30 KB; we stay clear of the lower end.
 */
final class LarkCards {

    /** UTF-8 bytes of the card as it travels (a JSON string inside the request). */
    static final int LIMIT = 18_000;

    /**
     * Characters of the header title. Lark shows the header on one or two lines and documents no
     * longer title; a digest's title is some 30, so a longer one is cut here rather than by Lark.
     */
    static final int MAX_TITLE = 100;

    private final ObjectMapper json;

    LarkCards(ObjectMapper json) {
        this.json = json;
    }

    /** The card; a first line that is one bold span (a digest's title) becomes the card's header. */
    ObjectNode card(Reply reply, String chatKind) {
        ObjectNode card = json.createObjectNode();
        card.putObject("config").put("wide_screen_mode", true);
        List<Block> blocks = new ArrayList<>(reply.blocks());
        if (!blocks.isEmpty() && startsWithTitle(blocks.get(0))) {
            List<List<Span>> lines = blocks.get(0).lines();
            ObjectNode header = card.putObject("header");
            header.putObject("title")
                    .put("tag", "plain_text")
                    .put("content", title(lines.get(0).get(0).text()));
            header.put("template", "blue");
            blocks.remove(0);
            if (lines.size() > 1) {
                blocks.add(0, new Block(lines.subList(1, lines.size())));
            }
        }
        ArrayNode elements = card.putArray("elements");
        for (Block b : blocks) {
            elements.add(div(b));
        }
        if (!reply.buttons().isEmpty()) {
            ArrayNode actions = elements.addObject().put("tag", "action").putArray("actions");
            for (Reply.Button button : reply.buttons()) {
                ObjectNode a = actions.addObject().put("tag", "button").put("type", "default");
                a.putObject("text").put("tag", "plain_text").put("content", button.label());
                a.putObject("value").put("action", button.action()).put("chat_kind", chatKind);
            }
        }
        return card;
    }

    /** At most {@link #MAX_TITLE} characters, an ellipsis ending one that was cut, never half an emoji. */
    static String title(String text) {
        return text.length() <= MAX_TITLE ? text : ReplySplitter.clip(text, MAX_TITLE - 1) + "…";
    }

    private static boolean startsWithTitle(Block b) {
        return !b.lines().isEmpty()
                && b.lines().get(0).size() == 1
                && b.lines().get(0).get(0).bold()
                && b.lines().get(0).get(0).url() == null;
    }

    ObjectNode div(Block b) {
        ObjectNode div = json.createObjectNode().put("tag", "div");
        div.putObject("text").put("tag", "lark_md").put("content", markdown(b));
        return div;
    }

    static String markdown(Block b) {
        return dev.aidigest.channel.ReplyMarkdown.render(b, LarkCards::escape);
    }

    private static final java.util.regex.Pattern HEX_REFERENCE = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);");

    /** Markdown's special characters as the HTML entities Lark's lark_md accepts. */
    static String escape(String s) {
        // lark_md decodes decimal references; the named &quot; and jsoup's hex ones are written in decimal
        String html = HEX_REFERENCE
                .matcher(HtmlEscape.escape(s).replace("&quot;", "&#34;"))
                .replaceAll(m -> "&#" + Integer.parseInt(m.group(1), 16) + ";");
        StringBuilder sb = new StringBuilder(html.length());
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            switch (c) {
                // the markdown marks, so that text never turns bold, struck or into a link
                case '*', '~', '[', ']', '_', '`' ->
                    sb.append("&#").append((int) c).append(';');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Size of the card as it is sent: the card JSON, itself JSON-encoded as a string. */
    int size(ObjectNode card) {
        try {
            return json.writeValueAsString(json.writeValueAsString(card)).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parts whose cards each fit {@code limit}; a block too big alone is cut into plain text. */
    List<Reply> split(Reply reply, int limit) {
        return ReplySplitter.split(reply, blocks -> size(card(reply.part(blocks, true), "group")) <= limit, limit / 8);
    }

    /** Pieces of at most {@code chars} characters (8 bytes each at worst once escaped), cut at a line break or space. */
}
