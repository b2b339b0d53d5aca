package dev.aidigest.command;

import dev.aidigest.channel.Reply;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.ingest.spend.Usd;
import java.util.List;

/** /status: what this chat is subscribed to, which words it follows, and what reading X costs. */
public final class StatusCommand extends CommandAdapter {

    private final Subscriptions subscriptions;
    private final Follows follows;
    private final ReadSpending reads;

    public StatusCommand(CommandCatalog catalog, Subscriptions subscriptions, Follows follows) {
        this(catalog, subscriptions, follows, ReadSpending.NONE);
    }

    public StatusCommand(CommandCatalog catalog, Subscriptions subscriptions, Follows follows, ReadSpending reads) {
        super(catalog, "status");
        this.subscriptions = subscriptions;
        this.follows = follows;
        this.reads = reads;
    }

    @Override
    public Reply handle(CommandRequest request) {
        String sub = subscriptions
                .find(request.chat())
                .filter(Subscriptions.Subscription::active)
                .map(s -> "订阅：" + SubscribeCommand.describe(s.plan())
                        + SubscribeCommand.topicLine(s.topics(), s.emptyNotice()))
                .orElse("订阅：无（发送 /subscribe 订阅）");
        List<String> words = follows.list(request.chat());
        String fol = words.isEmpty() ? "关注：无" : "关注：" + String.join("、", words);
        Reply.Builder reply = Reply.builder().line(sub).line(fol);
        for (ReadBudget.Status r : reads.statuses()) {
            reply.line(spendLine(r));
        }
        return reply.build();
    }

    /** {@code X API 读取：今日 120 条 $0.62，本月 3,100 条 $15.50 / 预算 $50.00}. */
    static String spendLine(ReadBudget.Status r) {
        String line = r.label() + " 读取：今日 " + r.today().posts() + " 条 "
                + Usd.format(r.today().micros())
                + "，本月 " + r.month().posts() + " 条 " + Usd.format(r.month().micros()) + " / 预算 "
                + Usd.format(r.budgetMicros());
        return r.pausedUntil() == null ? line : line + "（额度不足，暂停至 " + r.pausedUntil() + "）";
    }
}
