package dev.aidigest.command;

import dev.aidigest.channel.Reply;

/** /unsubscribe: admin-only in groups. */
public final class UnsubscribeCommand extends CommandAdapter {

    private final Subscriptions subscriptions;

    public UnsubscribeCommand(CommandCatalog catalog, Subscriptions subscriptions) {
        super(catalog, "unsubscribe");
        this.subscriptions = subscriptions;
    }

    @Override
    public Reply handle(CommandRequest request) {
        return Reply.text(subscriptions.unsubscribe(request.chat()) ? "已取消订阅，不再推送。" : "本聊天没有订阅。发送 /subscribe 订阅。");
    }
}
