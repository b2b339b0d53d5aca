package dev.aidigest.command;

import dev.aidigest.channel.Reply;

/** /latest: the newest 4-hour digest. */
public final class LatestCommand extends CommandAdapter {

    private final Archive archive;
    private final DigestReplies replies;

    public LatestCommand(CommandCatalog catalog, Archive archive, DigestReplies replies) {
        super(catalog, "latest");
        this.archive = archive;
        this.replies = replies;
    }

    @Override
    public Reply handle(CommandRequest request) {
        return archive.latest("digest").map(replies::of).orElse(Reply.text("还没有生成任何速递，请稍后再试。"));
    }
}
