package dev.aidigest.command;

import dev.aidigest.channel.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * /subscribe [digest|daily|all] [topics...] [提醒]: admin-only in groups (the router checks). With
 * topics the chat gets only the digest items on them (names match in every language, by the alias
 * table); a topic that is a category of {@code config/topics.yml} ({@code 视频生成}) matches any of its
 * words, and the answer says which. {@code 提醒} asks for one line when a digest has none.
 */
public final class SubscribeCommand extends CommandAdapter {

    private final Subscriptions subscriptions;
    private final TopicCategories categories;

    public SubscribeCommand(CommandCatalog catalog, Subscriptions subscriptions, TopicCategories categories) {
        super(catalog, "subscribe");
        this.subscriptions = subscriptions;
        this.categories = categories;
    }

    @Override
    public Reply handle(CommandRequest request) {
        List<String> words = new ArrayList<>(List.of(request.args().split("\\s+")));
        words.removeIf(String::isBlank);
        if (!words.isEmpty() && Subscriptions.Plan.parse(words.get(0)).isEmpty()) {
            return usage(); // the plan comes first: /subscribe digest 机器人
        }
        Subscriptions.Plan plan =
                Subscriptions.Plan.parse(words.isEmpty() ? "" : words.remove(0)).orElseThrow();
        TopicWords.Parsed parsed = TopicWords.parse(words);
        if (parsed.refusal() != null) {
            return Reply.text(parsed.refusal());
        }
        TopicWords topics = parsed.words();
        if (!topics.topics().isEmpty() && plan == Subscriptions.Plan.DAILY) {
            return Reply.text("主题只用于每 4 小时的速递：请用 /subscribe digest " + String.join(" ", topics.topics()));
        }
        subscriptions.subscribe(request.chat(), plan, topics.topics(), topics.emptyNotice(), request.userId());
        return Reply.text("已订阅" + describe(plan) + topicLine(topics.topics(), topics.emptyNotice()) + "。"
                + categoryLines(topics.topics()) + "发送 /unsubscribe 可随时取消。");
    }

    /** {@code 「视频生成」是类别：含 Sora、Veo、Kling 等 16 个词。} for each topic that is a category. */
    private String categoryLines(List<String> topics) {
        StringBuilder sb = new StringBuilder();
        for (String t : topics) {
            categories.find(t).ifPresent(c -> {
                List<String> words = c.words();
                sb.append("「")
                        .append(t)
                        .append("」是类别：含 ")
                        .append(String.join("、", words.subList(0, Math.min(5, words.size()))))
                        .append(words.size() > 5 ? " 等 " + words.size() + " 个词" : "")
                        .append("。");
            });
        }
        return sb.toString();
    }

    /** {@code （主题：机器人、视频生成）}, or nothing without topics. */
    static String topicLine(List<String> topics, boolean emptyNotice) {
        return topics.isEmpty() ? "" : "（主题：" + String.join("、", topics) + (emptyNotice ? "；没有相关内容时发一行提醒" : "") + "）";
    }

    static String describe(Subscriptions.Plan plan) {
        return switch (plan) {
            case DIGEST -> "每 4 小时的 AI 速递";
            case DAILY -> "每日 AI 报告";
            case ALL -> "每 4 小时速递和每日报告";
        };
    }
}
