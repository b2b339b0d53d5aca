package dev.aidigest.command;

import dev.aidigest.channel.Reply;

/** /digest YYYY.MM.DD.HH: one digest by its slot name. */
public final class DigestCommand extends CommandAdapter {

    private final Archive archive;
    private final DigestReplies replies;

    public DigestCommand(CommandCatalog catalog, Archive archive, DigestReplies replies) {
        super(catalog, "digest");
        this.archive = archive;
        this.replies = replies;
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!request.args().matches("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}")) {
            return usage();
        }
        return archive.bySlot("digest", request.args())
                .map(replies::of)
                .orElse(Reply.text("没有找到 " + request.args() + " 这一期速递。"));
    }
}
