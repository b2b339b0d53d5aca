package dev.aidigest.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.FakeDiscordApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Push-only channel webhooks: embeds without buttons, Discord's error answers typed. */
class DiscordWebhookChannelTest {

    final FakeDiscordApi discord = new FakeDiscordApi();
    final DiscordJson json = new DiscordJson(Jackson.json());
    final DiscordWebhookChannel channel = new DiscordWebhookChannel(
            new DiscordWebhooks(new OkHttpClient(), discord.apiUrl(), json),
            json,
            List.of(
                    discord.channelWebhook(
                            "223704706495545344",
                            "3d89bb7572e0fb30d8128367b3b1b44fecd1726de135cbe28a41f8b2f777c372ba2939e72279b94526ff5d1bd4358d65cf11")));
    final ChatRef hook = channel.chats().get(0);

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    void theWebhookIdIsTheChatAndTheTokenStaysInConfiguration() {
        assertThat(hook).isEqualTo(new ChatRef("discord-webhook", "223704706495545344", ChatRef.Kind.GROUP));
    }

    @Test
    void postsEmbedsWithoutButtonsAndReturnsTheMessageId() throws Exception {
        String id = channel.send(
                hook, Reply.builder().line("a*b").button("更多", "topic|2|x").build());
        assertThat(id).isNotBlank();
        var body = discord.calls("POST#ok", "/webhooks/223704706495545344/.*")
                .get(0)
                .body();
        assertThat(body.at("/embeds/0/description").asText()).isEqualTo("a\\*b");
        assertThat(body.has("components")).isFalse();
    }

    @Test
    void rateLimitedCarriesDiscordsRetryAfter() {
        discord.rateLimitedOnce("223704706495545344", 64.57);
        assertThatThrownBy(() -> channel.send(hook, Reply.text("x")))
                .isInstanceOfSatisfying(ChannelException.RateLimited.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofMillis(64570)));
    }

    @Test
    void aDeletedWebhookIsForbidden() {
        discord.failNext(
                "223704706495545344",
                404,
                Jackson.json()
                        .createObjectNode()
                        .put("message", "Unknown Webhook")
                        .put("code", 10015),
                Map.of());
        assertThatThrownBy(() -> channel.send(hook, Reply.text("x"))).isInstanceOf(ChannelException.Forbidden.class);
    }

    @Test
    void anOversizedFormIsBadFormat() {
        discord.failNext(
                "223704706495545344",
                400,
                discord.fixture("discord_docs_error_50035_request_too_large.json"),
                Map.of());
        assertThatThrownBy(() -> channel.send(hook, Reply.text("x"))).isInstanceOf(ChannelException.BadFormat.class);
    }
}
