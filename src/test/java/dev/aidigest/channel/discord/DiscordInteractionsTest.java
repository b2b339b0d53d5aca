package dev.aidigest.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.ReplayWindow;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Webhook;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.DiscordSigner;
import dev.aidigest.testing.FakeDiscordApi;
import dev.aidigest.testing.JsonSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /webhooks/discord with real bodies (discord-interactions-js, Discord's docs) signed by a test key. */
class DiscordInteractionsTest {

    static final ObjectMapper JSON = Jackson.json();
    final FakeDiscordApi discord = new FakeDiscordApi();
    final ChatBackend backend = new ChatBackend();
    final DiscordSigner signer = new DiscordSigner();
    final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
    final DiscordJson json = new DiscordJson(JSON);
    final JsonNode bodies = discord.fixture("discord_interactions_js_test_bodies.json");

    DiscordInteractions endpoint(Conversation conversation, Duration budget) {
        return new DiscordInteractions(
                new DiscordSignature(signer.publicKeyHex()),
                new ReplayWindow(Clock.systemUTC()),
                backend.chats,
                json,
                conversation,
                new DiscordWebhooks(new OkHttpClient(), discord.apiUrl(), json),
                pool,
                budget);
    }

    final DiscordInteractions endpoint = endpoint(backend.router, Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        pool.shutdownNow();
        discord.close();
        backend.close();
    }

    Webhook.Response post(String body) {
        return endpoint.handle(signer.headers(body), body);
    }

    /** Discord's documented slash command interaction, renamed to one of our commands. */
    ObjectNode slash(String name, String value, String permissions) {
        ObjectNode i = (ObjectNode) discord.fixture("discord_docs_slash_command_interaction.json");
        i.put("application_id", FakeDiscordApi.APP_ID);
        ObjectNode data = (ObjectNode) i.get("data");
        data.put("name", name);
        data.remove("options");
        if (value != null) {
            data.putArray("options")
                    .addObject()
                    .put("type", 3)
                    .put("name", "text")
                    .put("value", value);
        }
        ((ObjectNode) i.get("member")).put("permissions", permissions);
        return i;
    }

    static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answersPingWithPong() {
        var r = post(bodies.get("pingRequestBody").toString());
        assertThat(r.status()).isEqualTo(200);
        assertThat(read(r.body())).isEqualTo(read("{\"type\":1}"));
    }

    @Test
    void rejectsUnsignedForgedAndTamperedRequests() {
        String ping = bodies.get("pingRequestBody").toString();
        assertThat(endpoint.handle(Map.of(), ping).status()).isEqualTo(401);
        Map<String, String> forged = new DiscordSigner().headers(ping);
        assertThat(endpoint.handle(forged, ping).status()).isEqualTo(401);
        Map<String, String> good = signer.headers(ping);
        assertThat(endpoint.handle(good, ping.replace("\"type\":1", "\"type\":2"))
                        .status())
                .isEqualTo(401);
        Map<String, String> otherTime = new HashMap<>(good);
        otherTime.put("x-signature-timestamp", "1");
        assertThat(endpoint.handle(otherTime, ping).status()).isEqualTo(401);
    }

    @Test
    void aCorrectlySignedInteractionFromThirtyDaysAgoIsRefusedBeforeItsBodyIsRead() {
        String body = slash("subscribe", "all", "2147483647").toString();
        String monthAgo =
                String.valueOf(Instant.now().minus(Duration.ofDays(30)).getEpochSecond());
        Map<String, String> captured =
                Map.of("x-signature-ed25519", signer.sign(monthAgo, body), "x-signature-timestamp", monthAgo);
        assertThat(endpoint.admit(captured).refused()).isTrue();
        assertThat(endpoint.admit(captured).refusal().status()).isEqualTo(401);
        assertThat(endpoint.handle(captured, body).status()).isEqualTo(401);
        assertThat(backend.subscription(DiscordInteractions.chat(read(body)))).isEmpty();
        String inAnHour = String.valueOf(Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        assertThat(endpoint.handle(
                                Map.of(
                                        "x-signature-ed25519",
                                        signer.sign(inAnHour, body),
                                        "x-signature-timestamp",
                                        inAnHour),
                                body)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anInteractionReplayedWithinTheWindowIsHandledOnce() {
        String subscribe = slash("subscribe", "all", "2147483647").toString();
        Map<String, String> headers = signer.headers(subscribe);
        assertThat(endpoint.handle(headers, subscribe).status()).isEqualTo(200);
        String unsubscribe = slash("unsubscribe", null, "2147483647")
                .put("id", "787053080478613999")
                .toString();
        assertThat(post(unsubscribe).status()).isEqualTo(200);
        assertThat(endpoint.handle(headers, subscribe).status()).isEqualTo(409); // the captured /subscribe again
        ChatRef channel = DiscordInteractions.chat(read(subscribe));
        assertThat(backend.subscription(channel))
                .hasValueSatisfying(s -> assertThat(s.active()).isFalse());
    }

    @Test
    void headersWithoutAWellFormedSignatureAreRefusedBeforeTheBody() {
        String now = String.valueOf(Instant.now().getEpochSecond());
        assertThat(endpoint.admit(Map.of()).refused()).isTrue();
        assertThat(endpoint.admit(Map.of("x-signature-ed25519", "zz", "x-signature-timestamp", now))
                        .refused())
                .isTrue();
        assertThat(endpoint.admit(Map.of("x-signature-ed25519", "ab".repeat(64), "x-signature-timestamp", "soon"))
                        .refused())
                .isTrue();
        assertThat(endpoint.admit(Map.of("x-signature-ed25519", "ab".repeat(64), "x-signature-timestamp", now))
                        .refused())
                .isFalse();
    }

    @Test
    void anUnknownCommandGetsTheHintAsAnEmbed() {
        var r = post(bodies.get("applicationCommandRequestBody").toString());
        assertThat(r.status()).isEqualTo(200);
        JsonSnapshots.assertMatches("discord/interaction_unknown_command.json", read(r.body()));
    }

    @Test
    void aMemberWhoCanManageChannelsSubscribesTheChannel() {
        var r = post(slash("subscribe", "all", "2147483647").toString());
        assertThat(read(r.body()).at("/data/embeds/0/description").asText()).startsWith("已订阅每 4 小时速递和每日报告");
        assertThat(backend.subscription(new ChatRef("discord", "645027906669510667", ChatRef.Kind.GROUP)))
                .hasValueSatisfying(s -> assertThat(s.active()).isTrue());
    }

    @Test
    void aMemberWithoutManageChannelsCannotSubscribe() {
        var r = post(slash("subscribe", null, "1024").toString());
        assertThat(read(r.body()).at("/data/embeds/0/description").asText()).contains("只有群管理员可以使用 /subscribe");
        assertThat(backend.subscription(new ChatRef("discord", "645027906669510667", ChatRef.Kind.GROUP)))
                .isEmpty();
    }

    @Test
    void aLongDigestIsAnsweredInlineThenFollowedUpWithinDiscordsLimits() {
        backend.digest("2025.11.26.16", 17, 900);
        var r = post(slash("latest", null, "0").toString());
        JsonNode first = read(r.body());
        assertThat(first.get("type").asInt()).isEqualTo(4);
        assertThat(first.at("/data/embeds/0/title").asText()).isEqualTo("2025.11.26.16 过去4小时全球AI发生了什么？");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        discord.calls("POST#ok", "/v10/webhooks/" + FakeDiscordApi.APP_ID + "/A_UNIQUE_TOKEN").stream()
                                .anyMatch(c -> c.body().toString().contains("status/1017?")));
        List<FakeDiscordApi.Call> followups = discord.calls("POST#ok", "/v10/webhooks/.*");
        assertThat(followups).hasSizeGreaterThan(1);
        assertThat(discord.calls("POST", "/v10/webhooks/.*")).hasSameSizeAs(followups); // none refused
        String all = first.toString()
                + followups.stream().map(c -> c.body().toString()).toList();
        for (int i = 1; i <= 17; i++) {
            assertThat(all).contains("status/" + (1000 + i) + "?");
        }
    }

    @Test
    void aSlowAnswerIsDeferredThenEditedIn() {
        Conversation slow = new Slow(backend.router);
        DiscordInteractions e = endpoint(slow, Duration.ofMillis(100));
        String body = slash("help", null, "0").toString();
        var r = e.handle(signer.headers(body), body);
        assertThat(read(r.body())).isEqualTo(read("{\"type\":5}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !discord.calls("PATCH#ok", "/v10/webhooks/.*/@original")
                .isEmpty());
        JsonNode edit =
                discord.calls("PATCH#ok", "/v10/webhooks/.*/@original").get(0).body();
        assertThat(edit.at("/embeds/0/description").asText()).contains("/latest");
    }

    @Test
    void aButtonRunsItsAction() {
        ObjectNode press =
                (ObjectNode) bodies.get("messageComponentRequestBody").deepCopy();
        ((ObjectNode) press.get("data")).put("custom_id", "help|1|");
        press.putObject("user").put("id", "53908232506183680");
        var r = post(press.toString());
        assertThat(read(r.body()).at("/data/embeds/0/description").asText()).contains("/subscribe");
    }

    @Test
    void aDirectMessageIsThePersonsOwnChat() {
        ObjectNode dm = slash("subscribe", null, "0");
        dm.remove("guild_id");
        dm.set("user", dm.get("member").get("user"));
        dm.remove("member");
        post(dm.toString());
        assertThat(backend.subscription(new ChatRef("discord", "53908232506183680", ChatRef.Kind.PRIVATE)))
                .isPresent();
    }

    /** Answers like the router, only slower than the inline budget. */
    record Slow(Conversation inner) implements Conversation {
        @Override
        public List<CommandInfo> commands() {
            return inner.commands();
        }

        @Override
        public void knownAs(String platform, String botName) {}

        @Override
        public Optional<Reply> onText(
                ChatRef chat, String userId, String text, BooleanSupplier isAdmin, String locale) {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.onText(chat, userId, text, isAdmin, locale);
        }

        @Override
        public Optional<Reply> onAction(
                ChatRef chat, String userId, String action, BooleanSupplier isAdmin, String locale) {
            return inner.onAction(chat, userId, action, isAdmin, locale);
        }
    }
}
