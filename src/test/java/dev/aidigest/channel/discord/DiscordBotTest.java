package dev.aidigest.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.FakeDiscordApi;
import dev.aidigest.testing.FakeDiscordGateway;
import dev.aidigest.testing.JsonSnapshots;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDA gateway bot end to end against a loopback REST API and gateway: login, READY, slash
 * command registration, INTERACTION_CREATE → deferred answer as embeds, and pushes with Discord's
 * error answers.
 */
class DiscordBotTest {

    final FakeDiscordApi rest = new FakeDiscordApi();
    final FakeDiscordGateway gateway = new FakeDiscordGateway();
    final ChatBackend backend = new ChatBackend();
    final DiscordBot bot = new DiscordBot(
            new DiscordBot.Settings(FakeDiscordApi.TOKEN, null, rest.apiUrl(), gateway.url()),
            backend.router,
            backend.chats);
    final ChatRef channel = new ChatRef("discord", FakeDiscordGateway.CHANNEL, ChatRef.Kind.GROUP);

    @BeforeEach
    void start() throws Exception {
        bot.start();
        bot.startReceiving();
    }

    @AfterEach
    void stop() {
        bot.close();
        gateway.close();
        rest.close();
        backend.close();
    }

    JsonNode awaitAnswer(String token) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !rest.calls("PATCH#ok", "/v10/webhooks/\\d+/" + token + "/messages/@original")
                        .isEmpty());
        return rest.calls("PATCH#ok", "/v10/webhooks/\\d+/" + token + "/messages/@original")
                .get(0)
                .body();
    }

    @Test
    void registersTheCatalogAsSlashCommandsWithChineseLocalizations() {
        List<FakeDiscordApi.Call> put = rest.calls("PUT", "/v10/applications/" + FakeDiscordApi.APP_ID + "/commands");
        assertThat(put).hasSize(1);
        JsonSnapshots.assertMatches("discord/register_commands.json", put.get(0).body());
    }

    @Test
    void aSlashCommandIsDeferredThenAnsweredWithEmbeds() {
        gateway.slashCommand("tok-help", FakeDiscordGateway.CHANNEL, "53908232506183680", "help", null, false);
        JsonNode answer = awaitAnswer("tok-help");
        assertThat(rest.calls("CALLBACK#ok", "/v10/interactions/\\d+/tok-help/callback"))
                .singleElement()
                .satisfies(c -> assertThat(c.body().get("type").asInt()).isEqualTo(5));
        assertThat(answer.at("/embeds/0/description").asText()).contains("/subscribe");
    }

    @Test
    void aMemberWhoCanManageTheChannelSubscribesIt() {
        gateway.slashCommand("tok-sub", FakeDiscordGateway.CHANNEL, "53908232506183680", "subscribe", "digest", true);
        assertThat(awaitAnswer("tok-sub").at("/embeds/0/description").asText()).startsWith("已订阅每 4 小时的 AI 速递");
        assertThat(backend.subscription(channel))
                .hasValueSatisfying(s -> assertThat(s.active()).isTrue());
    }

    @Test
    void aMemberWithoutManageChannelsCannotSubscribe() {
        gateway.slashCommand("tok-no", FakeDiscordGateway.CHANNEL, "53908232506183681", "subscribe", null, false);
        assertThat(awaitAnswer("tok-no").at("/embeds/0/description").asText()).contains("只有群管理员可以使用 /subscribe");
        assertThat(backend.subscription(channel)).isEmpty();
    }

    @Test
    void aDigestIsPushedAsEmbedMessagesSplitWithinDiscordsLimits() {
        backend.subscriptions.subscribe(channel, Plan.DIGEST, "53908232506183680");
        long digest = backend.digest("2025.11.26.16", 17, 900);
        int sent = backend.deliver(digest, bot.channel());
        List<JsonNode> messages = rest.messagesIn(FakeDiscordGateway.CHANNEL);
        assertThat(messages).hasSize(sent).hasSizeGreaterThan(1);
        assertThat(rest.calls("POST", "/v10/channels/\\d+/messages"))
                .hasSameSizeAs(messages); // nothing refused for size
        assertThat(messages.get(0).at("/embeds/0/title").asText()).isEqualTo("2025.11.26.16 过去4小时全球AI发生了什么？");
        assertThat(messages.get(0).at("/allowed_mentions/parse")).isEmpty();
        String all = messages.toString();
        for (int i = 1; i <= 17; i++) {
            assertThat(all).contains("status/" + (1000 + i) + "?");
        }
        assertThat(backend.outboxRows()).containsExactly("sent:" + sent + ":0");
    }

    @Test
    void aRateLimitAnswerIsHonouredAndTheMessageStillArrives() {
        backend.subscriptions.subscribe(channel, Plan.DIGEST, "1");
        rest.rateLimitedOnce(FakeDiscordGateway.CHANNEL, 0.3);
        backend.deliver(backend.digest("2025.11.26.16", 3, 100), bot.channel());
        assertThat(rest.calls("POST", "/v10/channels/\\d+/messages")).hasSize(2);
        assertThat(rest.messagesIn(FakeDiscordGateway.CHANNEL)).hasSize(1);
        assertThat(backend.outboxRows()).containsExactly("sent:1:0");
    }

    @Test
    void missingPermissionsDeactivatesTheSubscription() {
        backend.subscriptions.subscribe(channel, Plan.DIGEST, "1");
        rest.missingPermissionsOnce(FakeDiscordGateway.CHANNEL);
        backend.deliver(backend.digest("2025.11.26.16", 3, 100), bot.channel());
        assertThat(backend.subscription(channel).orElseThrow().active()).isFalse();
        assertThat(backend.outboxRows()).containsExactly("dropped:0:0");
    }

    @Test
    void aChannelWhereTheBotMayNotSendDeactivatesWithoutARequest() {
        ChatRef readOnly = new ChatRef("discord", FakeDiscordGateway.READ_ONLY_CHANNEL, ChatRef.Kind.GROUP);
        backend.subscriptions.subscribe(readOnly, Plan.DIGEST, "1");
        backend.deliver(backend.digest("2025.11.26.16", 3, 100), bot.channel());
        assertThat(backend.subscription(readOnly).orElseThrow().active()).isFalse();
        assertThat(rest.calls("POST", "/v10/channels/\\d+/messages")).isEmpty();
    }

    @Test
    void leavingTheServerEndsItsChannelsSubscriptions() {
        backend.subscriptions.subscribe(channel, Plan.DIGEST, "1");
        gateway.guildDeleted();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !backend.subscription(channel).orElseThrow().active());
    }

    @Test
    void anOutageIsRetriedLaterNotTakenForALeftServer() {
        backend.subscriptions.subscribe(channel, Plan.DIGEST, "1");
        gateway.guildUnavailable();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sendFails(ChannelException.class)); // retryable, not Forbidden
        assertThat(backend.subscription(channel).orElseThrow().active()).isTrue();
    }

    boolean sendFails(Class<?> type) {
        try {
            bot.channel().send(channel, dev.aidigest.channel.Reply.text("x"));
            return false;
        } catch (ChannelException e) {
            return e.getClass() == type;
        }
    }

    @Test
    void aPersonSubscribedInADirectMessageGetsTheDigestThere() {
        ChatRef dm = new ChatRef("discord", "53908232506183680", ChatRef.Kind.PRIVATE);
        backend.subscriptions.subscribe(dm, Plan.DIGEST, "53908232506183680");
        backend.deliver(backend.digest("2025.11.26.16", 3, 100), bot.channel());
        assertThat(rest.calls("POST", "/v10/users/@me/channels"))
                .singleElement()
                .satisfies(
                        c -> assertThat(c.body().get("recipient_id").asText()).isEqualTo("53908232506183680"));
        assertThat(rest.messagesIn("23908232506183680")).hasSize(1);
        ObjectNode sent = rest.messagesIn("23908232506183680").get(0).deepCopy();
        assertThat(sent.remove("nonce").asText())
                .isNotBlank(); // JDA's random nonce, with enforce_nonce against resends
        JsonSnapshots.assertMatches("discord/push_digest_dm.json", sent);
    }
}
