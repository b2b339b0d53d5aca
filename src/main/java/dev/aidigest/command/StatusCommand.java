package dev.aidigest.command;

import dev.aidigest.channel.Reply;
import java.util.List;

/** /status: what this chat is subscribed to and which words it follows. */
public final class StatusCommand extends CommandAdapter {

    private final Subscriptions subscriptions;
    private final Follows follows;

    public StatusCommand(CommandCatalog catalog, Subscriptions subscriptions, Follows follows) {
        super(catalog, "status");
        this.subscriptions = subscriptions;
        this.follows = follows;
    }

    @Override
    public Reply handle(CommandRequest request) {
        String sub = subscriptions
                .find(request.chat())
                .filter(Subscriptions.Subscription::active)
                .map(s -> "订阅：" + SubscribeCommand.describe(s.plan()))
                .orElse("订阅：无（发送 /subscribe 订阅）");
        List<String> words = follows.list(request.chat());
        String fol = words.isEmpty() ? "关注：无" : "关注：" + String.join("、", words);
        return Reply.builder().line(sub).line(fol).build();
    }
}
