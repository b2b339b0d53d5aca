package dev.aidigest.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.channel.discord.DiscordBot;
import dev.aidigest.channel.lark.LarkBot;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.delivery.DeliverySettings;
import dev.aidigest.delivery.DeliveryWorker;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.DiscordSigner;
import dev.aidigest.testing.FakeDiscordApi;
import dev.aidigest.testing.FakeDiscordGateway;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.LarkCallbacks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The promise: one process with Telegram, Discord and Lark credentials answers the same
 * command and delivers one published digest to a chat on each platform, through one outbox.
 */
class ThreePlatformsTest {

    final ChatBackend backend = new ChatBackend();
    final FakeTelegramBotApi telegramApi = new FakeTelegramBotApi();
    final FakeDiscordApi discordApi = new FakeDiscordApi();
    final FakeDiscordGateway gateway = new FakeDiscordGateway();
    final FakeLarkOpenApi larkApi = new FakeLarkOpenApi();
    final DiscordSigner signer = new DiscordSigner();
    final TelegramBot telegram = new TelegramBot(
            new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, telegramApi.url(), "tg-secret"),
            backend.router,
            backend.chats,
            new Throttle(1000, 0, 1000));
    final DiscordBot discord = new DiscordBot(
            new DiscordBot.Settings(FakeDiscordApi.TOKEN, signer.publicKeyHex(), discordApi.apiUrl(), gateway.url()),
            backend.router,
            backend.chats);
    final LarkBot lark = new LarkBot(
            new LarkBot.Settings(FakeLarkOpenApi.APP_ID, FakeLarkOpenApi.APP_SECRET, larkApi.url(), "v", "1212121212"),
            backend.router,
            backend.chats,
            new Throttle(1000, 0, 1000),
            backend.clock);

    @AfterEach
    void stop() {
        telegram.close();
        discord.close();
        lark.close();
        telegramApi.close();
        discordApi.close();
        gateway.close();
        larkApi.close();
        backend.close();
    }

    @Test
    void theSameCommandIsAnsweredAndTheSameDigestDeliveredOnAllThree() throws Exception {
        discord.start();
        discord.startReceiving();
        lark.start();
        backend.digest("2025.11.26.16", 12, 300);

        telegramApi.text(-1001, "AI 群", 42, "/latest"); // Telegram in webhook mode, as behind a load balancer
        assertThat(telegram.webhook()
                        .orElseThrow()
                        .handle(
                                java.util.Map.of("x-telegram-bot-api-secret-token", "tg-secret"),
                                telegramApi.takeLastUpdate().toString())
                        .status())
                .isEqualTo(200);
        gateway.slashCommand("tok-latest", FakeDiscordGateway.CHANNEL, "53908232506183680", "latest", null, false);
        LarkCallbacks.Signed s = new LarkCallbacks("1212121212", "v")
                .signed(new LarkCallbacks("1212121212", "v")
                        .message("evt-latest", "oc_group", "group", "ou_member", "@_user_1 /latest"));
        assertThat(lark.webhook().orElseThrow().handle(s.headers(), s.body()).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !telegramApi.sentTo(-1001).isEmpty()
                        && !discordApi
                                .calls("PATCH#ok", "/v10/webhooks/\\d+/tok-latest/messages/@original")
                                .isEmpty()
                        && !larkApi.sentTo("oc_group").isEmpty());
        assertThat(telegramApi.sentTo(-1001).get(0).get("text").asText()).contains("2025.11.26.16 过去4小时全球AI发生了什么？");
        assertThat(discordApi
                        .calls("PATCH#ok", "/v10/webhooks/\\d+/tok-latest/messages/@original")
                        .get(0)
                        .body()
                        .toString())
                .contains("2025.11.26.16 过去4小时全球AI发生了什么？");
        assertThat(larkApi.sentTo("oc_group").get(0).toString()).contains("2025.11.26.16 过去4小时全球AI发生了什么？");

        backend.subscriptions.subscribe(new ChatRef("telegram", "-1001", ChatRef.Kind.GROUP), Plan.DIGEST, "42");
        backend.subscriptions.subscribe(
                new ChatRef("discord", FakeDiscordGateway.CHANNEL, ChatRef.Kind.GROUP), Plan.DIGEST, "5");
        backend.subscriptions.subscribe(new ChatRef("lark", "oc_group", ChatRef.Kind.GROUP), Plan.DIGEST, "ou_owner");
        long digest = backend.digest("2025.11.26.20", 12, 300);
        assertThat(backend.outbox.publish(digest)).isEqualTo(3);
        DeliveryWorker worker = new DeliveryWorker(
                backend.queue,
                backend.archive,
                backend.subscriptions,
                List.of(telegram.channel(), discord.channel(), lark.channel()),
                new DeliverySettings(10, Duration.ofSeconds(30), Duration.ofSeconds(1), 3, Duration.ofSeconds(5)),
                backend.clock);
        for (int i = 0; i < 10; i++) {
            worker.drain(() -> true);
            backend.clock.advance(Duration.ofSeconds(5));
        }
        assertThat(backend.outboxRows()).hasSize(3).allSatisfy(r -> assertThat(r)
                .startsWith("sent:"));
        assertThat(telegramApi.sentTo(-1001).toString()).contains("2025.11.26.20", "status/1012?");
        assertThat(discordApi.messagesIn(FakeDiscordGateway.CHANNEL).toString())
                .contains("2025.11.26.20", "status/1012?");
        assertThat(larkApi.sentTo("oc_group").toString()).contains("2025.11.26.20", "status/1012?");
    }
}
