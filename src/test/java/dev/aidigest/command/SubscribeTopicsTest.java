package dev.aidigest.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChatRef;
import org.junit.jupiter.api.Test;

class SubscribeTopicsTest {
    static final ChatRef GROUP = new ChatRef("telegram", "-100", ChatRef.Kind.GROUP);
    final CommandCatalog catalog = CommandCatalog.load();
    final CommandFakes.FakeSubscriptions subs = new CommandFakes.FakeSubscriptions();
    final SubscribeCommand subscribe = new SubscribeCommand(catalog, subs, TopicCategories.bundled());
    final StatusCommand status = new StatusCommand(catalog, subs, new CommandFakes.FakeFollows());

    private String run(Command c, String args) {
        return c.handle(new CommandRequest(GROUP, "1", args, 1, () -> true, "zh"))
                .plainText();
    }

    @Test
    void topicsAreStoredOnTheSubscriptionAndShownByStatus() {
        assertThat(run(subscribe, "digest 机器人 视频生成 提醒"))
                .startsWith("已订阅每 4 小时的 AI 速递（主题：机器人、视频生成；没有相关内容时发一行提醒）。")
                .contains("「机器人」是类别：含 人形机器人、humanoid", "「视频生成」是类别：含 Sora、Veo、Kling")
                .endsWith("发送 /unsubscribe 可随时取消。");
        assertThat(run(subscribe, "digest 英伟达 提醒"))
                .as("a topic that is no category is taken as itself")
                .isEqualTo("已订阅每 4 小时的 AI 速递（主题：英伟达；没有相关内容时发一行提醒）。发送 /unsubscribe 可随时取消。");
        run(subscribe, "digest 机器人 视频生成 提醒");
        assertThat(subs.find(GROUP).orElseThrow().topics()).containsExactly("机器人", "视频生成");
        assertThat(subs.find(GROUP).orElseThrow().emptyNotice()).isTrue();
        assertThat(run(status, "")).contains("订阅：每 4 小时的 AI 速递（主题：机器人、视频生成；没有相关内容时发一行提醒）");

        run(subscribe, "digest 英伟达");
        assertThat(subs.find(GROUP).orElseThrow().plan()).isEqualTo(Subscriptions.Plan.DIGEST);
        assertThat(subs.find(GROUP).orElseThrow().topics()).containsExactly("英伟达");
        run(subscribe, "all");
        assertThat(subs.find(GROUP).orElseThrow().topics()).isEmpty();
    }

    @Test
    void topicsWithMarkupOrTooLongAreRefusedWithOneLineAndChangeNothing() {
        run(subscribe, "digest 机器人");
        for (String bad : new String[] {
            "digest <b>机器人</b>", "digest [点我](https://evil.example)", "digest `code`", "digest " + "长".repeat(500)
        }) {
            String reply = run(subscribe, bad);
            assertThat(reply).doesNotContain("\n").startsWith("主题");
            assertThat(subs.find(GROUP).orElseThrow().topics()).containsExactly("机器人");
        }
    }
}
