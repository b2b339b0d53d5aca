package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.Webhook;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.JsonSnapshots;
import dev.aidigest.testing.LarkCallbacks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Lark bot as {@code serve} runs it: signed, encrypted callbacks in, the real command router and
 * stores on H2, the delivery outbox out, against a loopback open API.
 */
class LarkEndToEndTest {

    static final String KEY = "1212121212";
    static final String TOKEN = "v";
    static final String GROUP = "oc_5ad11d72b830411d72b836c20";
    static final String DM = "oc_84983ff6516d731e5b5f6a47";

    final FakeLarkOpenApi api = new FakeLarkOpenApi();
    final ChatBackend backend = new ChatBackend();
    final LarkBot bot = new LarkBot(
            new LarkBot.Settings(FakeLarkOpenApi.APP_ID, FakeLarkOpenApi.APP_SECRET, api.url(), TOKEN, KEY),
            backend.router,
            backend.chats,
            new Throttle(1000, 0, 1000),
            backend.clock);
    final Webhook webhook = bot.webhook().orElseThrow();
    final LarkCallbacks lark = new LarkCallbacks(KEY, TOKEN, backend.clock);
    final ChatRef group = new ChatRef("lark", GROUP, ChatRef.Kind.GROUP);
    int events;

    @AfterEach
    void stop() {
        bot.close();
        api.close();
        backend.close();
    }

    Webhook.Response post(String plaintextEvent) {
        LarkCallbacks.Signed s = lark.signed(plaintextEvent);
        return webhook.handle(s.headers(), s.body());
    }

    Webhook.Response say(String chat, String type, String user, String text) {
        return post(lark.message("evt" + (++events), chat, type, user, text));
    }

    List<JsonNode> awaitMessages(String chat, int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.sentTo(chat).size() >= n);
        return api.sentTo(chat);
    }

    static String text(JsonNode sent) {
        return sent.get("content").toString();
    }

    @Test
    void startsByCheckingTheCredentials() throws Exception {
        bot.start();
        assertThat(api.calls("/open-apis/bot/v3/info")).hasSize(1);
    }

    @Test
    void aGroupAdminSubscribesByMentioningTheBot() {
        api.chat(GROUP, "ou_owner", "ou_admin");
        assertThat(say(GROUP, "group", "ou_admin", "@_user_1 /subscribe").status())
                .isEqualTo(200);
        assertThat(text(awaitMessages(GROUP, 1).get(0))).contains("已订阅每 4 小时的 AI 速递");
        assertThat(backend.subscription(group))
                .hasValueSatisfying(s -> assertThat(s.active()).isTrue());
        JsonSnapshots.assertMatches(
                "lark/send_subscribed_reply.json",
                api.calls("/open-apis/im/v1/messages").get(0).body());
    }

    @Test
    void aGroupMemberWhoIsNotAdminCannotSubscribe() {
        api.chat(GROUP, "ou_owner", "ou_admin");
        say(GROUP, "group", "ou_member", "@_user_1 subscribe");
        assertThat(text(awaitMessages(GROUP, 1).get(0))).contains("只有群管理员可以使用 /subscribe");
        assertThat(backend.subscription(group)).isEmpty();
        assertThat(api.calls("/open-apis/im/v1/chats/" + GROUP)).hasSize(1);
    }

    @Test
    void latestInADirectMessageAnswersWithTheDigestCard() {
        backend.digest("2025.11.26.16", 3, 120);
        say(DM, "p2p", "ou_reader", "/latest");
        JsonNode card = awaitMessages(DM, 1).get(0).get("content");
        assertThat(card.get("header").get("title").get("content").asText()).isEqualTo("2025.11.26.16 过去4小时全球AI发生了什么？");
        assertThat(card.get("elements").toString())
                .contains(
                        "[Black Forest Labs 发布 FLUX.2 &lt;第3条&gt; &amp; 更多](https://x.com/merve/status/1003?a=1&b=2)");
    }

    @Test
    void aSubscribedGroupReceivesTheDigestSplitIntoCardsUnderTheLimit() {
        api.chat(GROUP, "ou_owner");
        say(GROUP, "group", "ou_owner", "@_user_1 /subscribe");
        awaitMessages(GROUP, 1);
        long digest = backend.digest("2025.11.26.16", 17, 1500);
        assertThat(backend.deliver(digest, bot.channel())).isGreaterThan(1);
        List<JsonNode> cards = api.sentTo(GROUP).subList(1, api.sentTo(GROUP).size());
        assertThat(cards).hasSizeGreaterThan(1).allSatisfy(c -> {
            assertThat(c.get("msg_type").asText()).isEqualTo("interactive");
            assertThat(c.get("bytes").asInt()).isLessThan(20_000);
        });
        String all = cards.toString();
        for (int i = 1; i <= 17; i++) {
            assertThat(all).contains("status/" + (1000 + i) + "?");
        }
        assertThat(backend.outboxRows()).containsExactly("sent:" + cards.size() + ":0");
    }

    @Test
    void frequencyLimitedDeliveryIsRetriedLaterAndCompletes() {
        api.chat(GROUP, "ou_owner");
        backend.subscriptions.subscribe(group, dev.aidigest.command.Subscriptions.Plan.DIGEST, "ou_owner");
        api.frequencyLimitedOnce(GROUP);
        long digest = backend.digest("2025.11.26.16", 3, 100);
        backend.deliver(digest, bot.channel());
        assertThat(api.sentTo(GROUP)).hasSize(1);
        assertThat(backend.outboxRows()).containsExactly("sent:1:0");
    }

    @Test
    void aGroupThatRemovedTheBotLosesItsSubscription() {
        backend.subscriptions.subscribe(group, dev.aidigest.command.Subscriptions.Plan.DIGEST, "ou_owner");
        assertThat(post(lark.botRemoved("evt-removed", GROUP)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !backend.subscription(group).orElseThrow().active());
    }

    @Test
    void aSendRefusedBecauseTheBotIsOutsideTheGroupDeactivatesTheSubscription() {
        backend.subscriptions.subscribe(group, dev.aidigest.command.Subscriptions.Plan.DIGEST, "ou_owner");
        api.failNext(GROUP, 400, 230002, "The bot can not be outside the group.", Map.of());
        backend.deliver(backend.digest("2025.11.26.16", 3, 100), bot.channel());
        assertThat(backend.subscription(group).orElseThrow().active()).isFalse();
        assertThat(backend.outboxRows()).containsExactly("dropped:0:0");
    }

    @Test
    void groupChatterThatStartsWithACommandWordIsNotACommand() throws Exception {
        bot.start();
        backend.digest("2025.11.26.16", 3, 120);
        say(GROUP, "group", "ou_member", "latest news: FLUX.2 is out");
        say(GROUP, "group", "ou_member", "@_user_1 latest");
        awaitMessages(GROUP, 1);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> api.sentTo(GROUP).size() == 1);
        assertThat(api.sentTo(GROUP).get(0).at("/content/header/title/content").asText())
                .endsWith("过去4小时全球AI发生了什么？");
    }

    @Test
    void aRetriedEventIsAnsweredOnce() {
        String event = lark.message("evt-dup", DM, "p2p", "ou_reader", "/help");
        post(event);
        post(event);
        awaitMessages(DM, 1);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> api.sentTo(DM).size() == 1);
    }

    @Test
    void aForgedEventIsRejectedAndNothingIsSent() {
        LarkCallbacks.Signed s =
                lark.signed(lark.message("evt-forged", GROUP, "group", "ou_x", "@_user_1 /unsubscribe"));
        Map<String, String> headers = new HashMap<>(s.headers());
        headers.put("x-lark-request-nonce", "another-nonce");
        assertThat(webhook.handle(headers, s.body()).status()).isEqualTo(401);
        assertThat(api.calls("/open-apis/im/v1/messages")).isEmpty();
    }

    @Test
    void aCardButtonRunsItsAction() {
        say(DM, "p2p", "ou_reader", "/help");
        awaitMessages(DM, 1);
        post(lark.buttonPressed("evt-btn", DM, "ou_reader", "help|1|"));
        awaitMessages(DM, 2);
    }
}
