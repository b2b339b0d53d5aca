package dev.aidigest.command;

import dev.aidigest.channel.Reply;

/** /follow words and /unfollow words (one class, two names): alerts on matching new items. */
public final class FollowCommand extends CommandAdapter {

    private final Follows follows;
    private final boolean add;

    public FollowCommand(CommandCatalog catalog, Follows follows, boolean add) {
        super(catalog, add ? "follow" : "unfollow");
        this.follows = follows;
        this.add = add;
    }

    @Override
    public Reply handle(CommandRequest request) {
        if (!request.hasArgs() || request.args().length() > 100) {
            return usage();
        }
        String w = request.args();
        if (add) {
            return Reply.text(
                    follows.follow(request.chat(), w) ? "已关注「" + w + "」：新速递里出现相关条目时会提醒。" : "已经在关注「" + w + "」了。");
        }
        return Reply.text(follows.unfollow(request.chat(), w) ? "已取消关注「" + w + "」。" : "没有关注「" + w + "」。");
    }
}
