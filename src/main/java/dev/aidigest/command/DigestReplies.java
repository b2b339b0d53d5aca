package dev.aidigest.command;

import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Block;
import dev.aidigest.channel.Reply.Span;
import dev.aidigest.render.Credits;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat form of a stored digest: a bold title and categories, then one block per item
 * (linked headline, authors, summary with its bold phrases). Used by /latest, /digest and the
 * delivery outbox, so a subscriber and a reader see the same thing.
 */
public final class DigestReplies {

    private final InlineMarkdown markdown = new InlineMarkdown();

    /** The stored digests as the outbox sends them: the same form as /latest. */
    public static dev.aidigest.delivery.DigestMessages messages(Archive archive) {
        DigestReplies replies = new DigestReplies();
        return id -> archive.byId(id).map(replies::of);
    }

    public Reply of(ArchivedDigest d) {
        Reply.Builder b = Reply.builder();
        List<List<Span>> head = new ArrayList<>();
        head.add(List.of(Span.bold(d.title())));
        if (!d.categories().isEmpty()) {
            head.add(List.of(Span.plain("分类：" + String.join(" · ", d.categories()))));
        }
        b.block(new Block(head));
        for (ArchivedDigest.Item item : d.items()) {
            List<Span> first = new ArrayList<>();
            first.add(Span.plain(item.position() + ". "));
            first.add(Span.link(item.headline(), item.url()));
            if (!item.authors().isEmpty()) {
                first.add(Span.plain(" - " + Credits.line(item.authors())));
            }
            b.block(new Block(List.of(first, markdown.spans(item.summary()))));
        }
        if ("offline".equals(d.engine())) {
            b.line("（本期由离线摘要生成，未使用大模型。）");
        }
        return b.build();
    }
}
