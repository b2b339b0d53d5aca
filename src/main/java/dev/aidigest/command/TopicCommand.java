package dev.aidigest.command;

import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** /topic words: digest items and posts that mention the words, newest first, paged by "更多". */
public final class TopicCommand extends CommandAdapter {

    static final int PAGE_SIZE = 5;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TopicSearch search;
    private final ZoneId zone;

    public TopicCommand(CommandCatalog catalog, TopicSearch search, ZoneId zone) {
        super(catalog, "topic");
        this.search = search;
        this.zone = zone;
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!request.hasArgs()) {
            return usage();
        }
        TopicSearch.Page page = search.search(request.args(), request.page(), PAGE_SIZE);
        if (page.hits().isEmpty() && page.catchingUp()) {
            return Reply.text(page.catchingUpNote());
        }
        if (page.hits().isEmpty()) {
            return Reply.text(request.page() == 1 ? "没有找到与「" + request.args() + "」相关的内容。" : "没有更多结果了。");
        }
        Reply.Builder b =
                Reply.builder().paragraph(Span.bold("「" + request.args() + "」相关内容（第 " + request.page() + " 页）"));
        for (TopicSearch.Hit h : page.hits()) {
            String tag = "item".equals(h.kind()) ? "[速递] " : "[帖子] ";
            b.paragraph(
                    Span.plain(tag),
                    Span.link(h.title(), h.url()),
                    Span.plain(" · " + DATE.format(h.at().atZone(zone))));
        }
        if (page.catchingUp()) {
            b.paragraph(Span.plain(page.catchingUpNote()));
        }
        if (page.more()) {
            b.button("更多", CommandRouter.pageAction(name(), request.page() + 1, request.args()));
        }
        return b.build();
    }
}
