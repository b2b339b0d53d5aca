package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Throttle;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.JsonSnapshots;
import java.time.Clock;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Push-only custom group bots: signed cards, and Lark's HTTP-200 error codes. */
class LarkCustomBotChannelTest {

    static final String TOKEN = "0c2d4f3e-1a2b-4c5d-8e9f-a0b1c2d3e4f5";
    final FakeLarkOpenApi api = new FakeLarkOpenApi();
    final String url = api.hook(TOKEN, "hook-secret");

    LarkCustomBotChannel channel(String secret) {
        return new LarkCustomBotChannel(
                new OkHttpClient(),
                Jackson.json(),
                List.of(new LarkCustomBotChannel.Hook(url, secret)),
                Clock.systemUTC(),
                new Throttle(1000, 0, 1000));
    }

    final LarkCustomBotChannel channel = channel("hook-secret");
    final ChatRef hook = channel.chats().get(0);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theHookTokenIsTheChatToSubscribe() {
        assertThat(hook).isEqualTo(new ChatRef("lark-webhook", TOKEN, ChatRef.Kind.GROUP));
    }

    @Test
    void sendsASignedCardWithoutButtons() throws Exception {
        channel.send(
                hook, LarkCardsTest.digest(2, 0).part(LarkCardsTest.digest(2, 0).blocks(), true));
        channel.send(hook, Reply.builder().line("结果").button("更多", "topic|2|x").build());
        List<JsonNode> sent = api.sentTo("hook:" + TOKEN);
        assertThat(sent).hasSize(2);
        JsonSnapshots.assertMatches("lark/custom_bot_card.json", sent.get(0).get("content"));
        assertThat(sent.get(1).get("content").toString()).doesNotContain("button");
    }

    @Test
    void aWrongSecretIsReportedNotDeactivated() {
        assertThatThrownBy(() -> channel("wrong").send(hook, Reply.text("x")))
                .isExactlyInstanceOf(ChannelException.class)
                .hasMessageContaining("19021");
    }

    @Test
    void frequencyLimitedIsRateLimited() {
        api.hookFrequencyLimitedOnce(TOKEN);
        assertThatThrownBy(() -> channel.send(hook, Reply.text("x"))).isInstanceOf(ChannelException.RateLimited.class);
    }

    @Test
    void aDeletedHookIsForbidden() {
        LarkCustomBotChannel gone = new LarkCustomBotChannel(
                new OkHttpClient(),
                Jackson.json(),
                List.of(new LarkCustomBotChannel.Hook(api.url() + "/open-apis/bot/v2/hook/deleted-token", "s")),
                Clock.systemUTC(),
                new Throttle(1000, 0, 1000));
        assertThatThrownBy(() -> gone.send(gone.chats().get(0), Reply.text("x")))
                .isInstanceOf(ChannelException.Forbidden.class);
    }
}
