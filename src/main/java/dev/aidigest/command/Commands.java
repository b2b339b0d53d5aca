package dev.aidigest.command;

import dev.aidigest.ingest.spend.ReadSpending;
import java.time.ZoneId;
import java.util.List;

/** Builds the full command set over the services (one line per command, like TJ-Bot's Features). */
public final class Commands {

    private Commands() {}

    public static List<Command> all(
            CommandCatalog catalog,
            Archive archive,
            TopicSearch search,
            Subscriptions subscriptions,
            Follows follows,
            ZoneId zone) {
        return all(
                catalog, archive, search, subscriptions, follows, ReadSpending.NONE, TopicCategories.bundled(), zone);
    }

    /**
     * @param reads      the paid X readers, whose use and cost /status shows
     * @param categories the topic categories /subscribe takes ({@code config/topics.yml})
     */
    public static List<Command> all(
            CommandCatalog catalog,
            Archive archive,
            TopicSearch search,
            Subscriptions subscriptions,
            Follows follows,
            ReadSpending reads,
            TopicCategories categories,
            ZoneId zone) {
        DigestReplies replies = new DigestReplies();
        return List.of(
                new HelpCommand(catalog, "start", "你好！我每 4 小时推送一期中文 AI 速递。群管理员发送 /subscribe 即可订阅本群；私聊也可以订阅。"),
                new HelpCommand(catalog, "help", null),
                new LatestCommand(catalog, archive, replies),
                new TopicCommand(catalog, search, zone),
                new DigestCommand(catalog, archive, replies),
                new SubscribeCommand(catalog, subscriptions, categories),
                new UnsubscribeCommand(catalog, subscriptions),
                new StatusCommand(catalog, subscriptions, follows, reads),
                new FollowCommand(catalog, follows, true),
                new FollowCommand(catalog, follows, false));
    }
}
