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

    /** The stored digests as the outbox sends them: the same form as /latest; topics found as written. */
    public static dev.aidigest.delivery.DigestMessages messages(Archive archive) {
        return messages(archive, (words, text) -> text.toLowerCase(java.util.Locale.ROOT)
                .contains(words.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * As above; a subscription with topics gets the items on them, found by {@code topics} (the names of
     * /topic: 英伟达 finds Nvidia).
     */
    public static dev.aidigest.delivery.DigestMessages messages(
            Archive archive, dev.aidigest.delivery.FollowMatch topics) {
        DigestReplies replies = new DigestReplies();
        TopicSelection selection = new TopicSelection(topics);
        return new dev.aidigest.delivery.DigestMessages() {
            @Override
            public java.util.Optional<Reply> byId(long digestId) {
                return archive.byId(digestId).map(replies::of);
            }

            @Override
            public java.util.Optional<Selection> on(long digestId, List<String> on) {
                return archive.byId(digestId).map(digest -> selection
                        .of(digest, on)
                        .map(selected -> new Selection(replies.of(selected), false))
                        .orElseGet(() -> new Selection(Reply.text(TopicSelection.nothingOn(digest, on)), true)));
            }
        };
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
