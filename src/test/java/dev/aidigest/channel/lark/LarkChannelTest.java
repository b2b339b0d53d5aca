package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Span;
import dev.aidigest.channel.Throttle;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sending over the real protocol to a loopback open API: token cache, card or text, each error code. */
class LarkChannelTest {

    final FakeLarkOpenApi api = new FakeLarkOpenApi();
    final TestClock clock = new TestClock(Instant.parse("2025-11-26T08:00:00Z"));
    final LarkApi client = new LarkApi(
            new OkHttpClient(), api.url(), FakeLarkOpenApi.APP_ID, FakeLarkOpenApi.APP_SECRET, clock, Jackson.json());
    final LarkChannel channel = new LarkChannel(client, new Throttle(1000, 0, 1000));
    final ChatRef group = new ChatRef("lark", "oc_group1", ChatRef.Kind.GROUP);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void sendsAnInteractiveCardAndReturnsTheMessageId() throws Exception {
        String id = channel.send(
                group,
                Reply.builder()
                        .paragraph(Span.bold("a*b"), Span.link("x", "https://x.com/1"))
                        .build());
        assertThat(id).startsWith("om_");
        var sent = api.sentTo("oc_group1").get(0);
        assertThat(sent.get("msg_type").asText()).isEqualTo("interactive");
        assertThat(sent.get("content")
                        .get("elements")
                        .get(0)
                        .get("text")
                        .get("content")
                        .asText())
                .isEqualTo("**a&#42;b**[x](https://x.com/1)");
        assertThat(api.calls("/open-apis/im/v1/messages").get(0).auth()).startsWith("Bearer t-1-");
    }

    @Test
    void reusesTheTenantTokenUntilShortlyBeforeItExpires() throws Exception {
        channel.send(group, Reply.text("1"));
        channel.send(group, Reply.text("2"));
        clock.advance(Duration.ofMinutes(100));
        channel.send(group, Reply.text("3"));
        assertThat(api.tokensIssued()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(16)); // 116 min: inside the last five of 120
        channel.send(group, Reply.text("4"));
        assertThat(api.tokensIssued()).isEqualTo(2);
    }

    @Test
    void fetchesANewTokenOnceWhenLarkCallsTheCachedOneInvalid() throws Exception {
        channel.send(group, Reply.text("1"));
        api.revokeTokens();
        channel.send(group, Reply.text("2"));
        assertThat(api.tokensIssued()).isEqualTo(2);
        assertThat(api.sentTo("oc_group1")).hasSize(2);
    }

    @Test
    void frequencyLimitedAsHttp200IsRateLimited() {
        api.frequencyLimitedOnce("oc_group1");
        assertThatThrownBy(() -> channel.send(group, Reply.text("hi")))
                .isInstanceOfSatisfying(ChannelException.RateLimited.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(e.getMessage()).contains("11232");
                });
    }

    @Test
    void gatewayRateLimitHonoursTheResetHeader() {
        api.failNext(
                "oc_group1", 429, 99991400, "request trigger frequency limit", Map.of("x-ogw-ratelimit-reset", "52"));
        assertThatThrownBy(() -> channel.send(group, Reply.text("hi")))
                .isInstanceOfSatisfying(ChannelException.RateLimited.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofSeconds(52)));
    }

    @Test
    void botRemovedFromTheGroupIsForbidden() {
        api.failNext("oc_group1", 400, 230002, "The bot can not be outside the group.", Map.of());
        assertThatThrownBy(() -> channel.send(group, Reply.text("hi"))).isInstanceOf(ChannelException.Forbidden.class);
    }

    @Test
    void aRefusedCardIsResentOnceAsPlainText() throws Exception {
        api.failNext("oc_group1", 400, 230099, "Failed to create card content", Map.of());
        channel.send(
                group,
                Reply.builder()
                        .paragraph(Span.bold("粗体"), Span.plain(" & 文本"))
                        .block(Reply.Block.of(Span.link("链接", "https://x.com/2")))
                        .build());
        assertThat(api.sentTo("oc_group1")).singleElement().satisfies(b -> {
            assertThat(b.get("msg_type").asText()).isEqualTo("text");
            assertThat(b.get("content").get("text").asText()).isEqualTo("粗体 & 文本\n\n链接 (https://x.com/2)");
        });
    }

    @Test
    void otherErrorsAreRetryable() {
        api.failNext("oc_group1", 500, 1500, "internal error", Map.of());
        assertThatThrownBy(() -> channel.send(group, Reply.text("hi")))
                .isExactlyInstanceOf(ChannelException.class)
                .hasMessageContaining("1500");
    }

    @Test
    void wrongAppSecretFailsClearly() {
        LarkApi wrong =
                new LarkApi(new OkHttpClient(), api.url(), FakeLarkOpenApi.APP_ID, "nope", clock, Jackson.json());
        assertThatThrownBy(() -> new LarkChannel(wrong, new Throttle(1000, 0, 1000)).send(group, Reply.text("x")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("tenant_access_token");
    }
}
