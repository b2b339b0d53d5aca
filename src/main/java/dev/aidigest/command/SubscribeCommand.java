package dev.aidigest.command;

import dev.aidigest.channel.Reply;

/** /subscribe [digest|daily|all]: admin-only in groups (the router checks). */
public final class SubscribeCommand extends CommandAdapter {

    private final Subscriptions subscriptions;

    public SubscribeCommand(CommandCatalog catalog, Subscriptions subscriptions) {
        super(catalog, "subscribe");
        this.subscriptions = subscriptions;
    }

    @Override
    public Reply handle(CommandRequest request) {
        return Subscriptions.Plan.parse(request.args())
                .map(plan -> {
                    subscriptions.subscribe(request.chat(), plan, request.userId());
                    return Reply.text("已订阅" + describe(plan) + "。发送 /unsubscribe 可随时取消。");
                })
                .orElseGet(this::usage);
    }

    static String describe(Subscriptions.Plan plan) {
        return switch (plan) {
            case DIGEST -> "每 4 小时的 AI 速递";
            case DAILY -> "每日 AI 报告";
            case ALL -> "每 4 小时速递和每日报告";
        };
    }
}
