package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Throttle;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.FakeLarkLongConnection;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.LarkCallbacks;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Lark bot receiving over the official SDK's long connection, end to end: the SDK asks the
 * configured API URL for its WebSocket address, connects to a loopback server speaking the SDK's
 * protobuf frames, and the events it gets (the same schema 2.0 envelopes as the HTTP callback) run
 * through the real command router and stores on H2, with replies sent to the loopback open API.
 */
class LarkLongConnectionTest {

    static final String GROUP = "oc_5ad11d72b830411d72b836c20";
    static final String DM = "oc_84983ff6516d731e5b5f6a47";

    final FakeLarkOpenApi api = new FakeLarkOpenApi();
    final FakeLarkLongConnection lark = new FakeLarkLongConnection();
    final ChatBackend backend = new ChatBackend();
    final LarkCallbacks events = new LarkCallbacks("unused", "");
    final LarkBot bot = bot(FakeLarkOpenApi.APP_SECRET);
    int n;

    LarkBot bot(String secret) {
        return new LarkBot(
                LarkBot.Settings.longConnection(FakeLarkOpenApi.APP_ID, secret, api.url()),
                backend.router,
                backend.chats,
                new Throttle(1000, 0, 1000),
                backend.clock);
    }

    @AfterEach
    void stop() {
        bot.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !lark.connected()); // the closing handshake
        lark.close();
        api.close();
        backend.close();
    }

    void connect() throws Exception {
        api.longConnection(lark);
        bot.start();
        bot.startReceiving(); // the lease is this process's (one node)
        await().atMost(Duration.ofSeconds(10)).until(() -> lark.connected() && bot.receiving());
    }

    String say(String chat, String type, String user, String text) {
        return lark.push(events.message("lc-evt-" + (++n), chat, type, user, text));
    }

    List<JsonNode> awaitMessages(String chat, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.sentTo(chat).size() >= count);
        return api.sentTo(chat);
    }

    FakeLarkLongConnection.Ack awaitAck(String messageId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> lark.ack(messageId) != null);
        return lark.ack(messageId);
    }

    @Test
    void connectsThroughTheConfiguredApiUrlWithTheAppCredentials() throws Exception {
        connect();
        List<FakeLarkOpenApi.Call> asked = api.calls("/callback/ws/endpoint");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).body().path("AppID").asText()).isEqualTo(FakeLarkOpenApi.APP_ID);
        assertThat(asked.get(0).body().path("AppSecret").asText()).isEqualTo(FakeLarkOpenApi.APP_SECRET);
        assertThat(bot.webhook()).as("no HTTP callback in long-connection mode").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> lark.pings() >= 1);
    }

    @Test
    void aCommandInADirectMessageIsAnsweredAndItsFrameAcknowledged() throws Exception {
        connect();
        String id = say(DM, "p2p", "ou_reader", "/help");
        assertThat(awaitMessages(DM, 1).get(0).get("content").toString()).contains("/subscribe");
        FakeLarkLongConnection.Ack ack = awaitAck(id);
        assertThat(ack.payload().path("code").asInt()).isEqualTo(200);
        assertThat(ack.headers()).containsKey("biz_rt");
    }

    @Test
    void groupSubscriptionsAreForAdminsOnly() throws Exception {
        connect();
        api.chat(GROUP, "ou_owner", "ou_admin");
        ChatRef group = new ChatRef("lark", GROUP, ChatRef.Kind.GROUP);
        say(GROUP, "group", "ou_member", "@_user_1 /subscribe");
        assertThat(awaitMessages(GROUP, 1).get(0).get("content").toString()).contains("只有群管理员可以使用 /subscribe");
        assertThat(backend.subscription(group)).isEmpty();
        say(GROUP, "group", "ou_admin", "@_user_1 /subscribe");
        assertThat(awaitMessages(GROUP, 2).get(1).get("content").toString()).contains("已订阅每 4 小时的 AI 速递");
        assertThat(backend.subscription(group))
                .hasValueSatisfying(s -> assertThat(s.active()).isTrue());
    }

    @Test
    void aRedeliveredEventIsAnsweredOnceAndAcknowledgedBothTimes() throws Exception {
        connect();
        String event = events.message("lc-dup", DM, "p2p", "ou_reader", "/help");
        String first = lark.push(event);
        awaitMessages(DM, 1);
        String again = lark.push(event);
        assertThat(awaitAck(again).payload().path("code").asInt()).isEqualTo(200);
        assertThat(awaitAck(first).payload().path("code").asInt()).isEqualTo(200);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> api.sentTo(DM).size() == 1);
    }

    @Test
    void anEventAlreadyTakenByTheHttpCallbackIsNotAnsweredAgainOverTheLongConnection() throws Exception {
        LarkBot callbackBot = new LarkBot(
                new LarkBot.Settings(FakeLarkOpenApi.APP_ID, FakeLarkOpenApi.APP_SECRET, api.url(), "v", "1212121212"),
                backend.router,
                backend.chats,
                new Throttle(1000, 0, 1000),
                backend.clock);
        try (callbackBot) {
            LarkCallbacks callbacks = new LarkCallbacks("1212121212", "v", backend.clock);
            String event = callbacks.message("lc-both", DM, "p2p", "ou_reader", "/help");
            LarkCallbacks.Signed signed = callbacks.signed(event);
            assertThat(callbackBot
                            .webhook()
                            .orElseThrow()
                            .handle(signed.headers(), signed.body())
                            .status())
                    .isEqualTo(200);
            awaitMessages(DM, 1);
            connect();
            awaitAck(lark.push(event));
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> api.sentTo(DM).size() == 1);
        }
    }

    @Test
    void aCardButtonRunsItsAction() throws Exception {
        connect();
        say(DM, "p2p", "ou_reader", "/help");
        awaitMessages(DM, 1);
        String id = lark.push(events.buttonPressed("lc-btn", DM, "ou_reader", "help|1|"));
        awaitMessages(DM, 2);
        assertThat(awaitAck(id).payload().path("code").asInt()).isEqualTo(200);
    }

    @Test
    void anEventSplitOverSeveralFramesIsJoined() throws Exception {
        connect();
        backend.digest("2025.11.26.16", 3, 120);
        String id = lark.push(events.message("lc-split", DM, "p2p", "ou_reader", "/latest"), 3);
        JsonNode card = awaitMessages(DM, 1).get(0).get("content");
        assertThat(card.at("/header/title/content").asText()).isEqualTo("2025.11.26.16 过去4小时全球AI发生了什么？");
        assertThat(awaitAck(id).payload().path("code").asInt()).isEqualTo(200);
    }

    @Test
    void theBotLeavingAGroupEndsItsSubscription() throws Exception {
        connect();
        ChatRef group = new ChatRef("lark", GROUP, ChatRef.Kind.GROUP);
        backend.subscriptions.subscribe(group, dev.aidigest.command.Subscriptions.Plan.DIGEST, "ou_owner");
        lark.push(events.botRemoved("lc-removed", GROUP));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !backend.subscription(group).orElseThrow().active());
    }

    /** The one real event body in the fixtures (from the SDK's own tests) is of a type the bot does not take. */
    @Test
    void anEventTypeTheBotDoesNotTakeIsRefusedAndTheConnectionCarriesOn() throws Exception {
        connect();
        JsonNode vector;
        try (InputStream in =
                getClass().getResourceAsStream("/fixtures/lark/lark_oapi_sdk_java_encrypted_event_vector.json")) {
            vector = Jackson.json().readTree(in);
        }
        String id = lark.push(vector.get("expected_plaintext").asText());
        assertThat(awaitAck(id).payload().path("code").asInt()).isEqualTo(500);
        say(DM, "p2p", "ou_reader", "/help");
        awaitMessages(DM, 1);
    }

    @Test
    void theSdkReconnectsWhenLarkDropsTheConnection() throws Exception {
        connect();
        lark.drop();
        await().atMost(Duration.ofSeconds(15)).until(() -> lark.connections() >= 2 && lark.connected());
        assertThat(api.calls("/callback/ws/endpoint")).hasSizeGreaterThanOrEqualTo(2);
        say(DM, "p2p", "ou_reader", "/help");
        awaitMessages(DM, 1);
    }

    @Test
    void afterCloseTheBotDisconnectsAndDoesNotComeBack() throws Exception {
        connect();
        bot.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !lark.connected());
        assertThat(bot.receiving()).isFalse();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> lark.connections() == 1);
    }

    @Test
    void startReturnsWhileLarkIsUnreachableAndTheSdkConnectsOnItsOwnLater() throws Exception {
        long t0 = System.nanoTime();
        bot.start(); // the endpoint answers "system busy": no long connection server yet
        bot.startReceiving();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(bot.receiving()).isFalse();
        api.longConnection(lark);
        // the SDK's first retry waits a random 0-30 s before it asks again
        await().atMost(Duration.ofSeconds(45)).until(() -> lark.connected() && bot.receiving());
        say(DM, "p2p", "ou_reader", "/help");
        awaitMessages(DM, 1);
    }

    @Test
    void aRefusedAppIsReportedOnceAndNotRetried() throws Exception {
        api.longConnection(lark);
        api.refuseLongConnection(514, "app id or secret invalid");
        bot.start();
        bot.startReceiving();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> api.calls("/callback/ws/endpoint").size() == 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> api.calls("/callback/ws/endpoint").size() == 1);
        assertThat(lark.connections()).isZero();
        assertThat(bot.receiving()).isFalse();
    }
}
