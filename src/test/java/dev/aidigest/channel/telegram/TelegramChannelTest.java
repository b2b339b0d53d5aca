package dev.aidigest.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Throttle;
import dev.aidigest.testing.FakeTelegramBotApi;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Each Bot API error body (as Telegram writes it) maps to one of our exceptions. */
class TelegramChannelTest {

    final FakeTelegramBotApi api = new FakeTelegramBotApi();
    final TelegramChannel channel = new TelegramChannel(
            new OkHttpTelegramClient(FakeTelegramBotApi.TOKEN, TelegramBot.url(api.url())),
            new Throttle(1000, 0, 1000));
    final ChatRef group = new ChatRef("telegram", "-1001", ChatRef.Kind.GROUP);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void sendsHtmlWithoutLinkPreviewAndReturnsTheMessageId() throws Exception {
        String id = channel.send(
                group,
                Reply.builder()
                        .paragraph(Reply.Span.bold("a<b"), Reply.Span.link("x", "https://x.com/1"))
                        .build());
        assertThat(id).isNotBlank();
        var body = api.sentTo(-1001).get(0);
        assertThat(body.get("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(body.get("text").asText()).isEqualTo("<b>a&lt;b</b><a href=\"https://x.com/1\">x</a>");
        assertThat(body.get("link_preview_options").get("is_disabled").asBoolean())
                .isTrue();
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        api.failNextSend(-1001L, "429_with_retry_after", null);
        assertThatThrownBy(() -> channel.send(group, Reply.text("hi")))
                .isInstanceOfSatisfying(ChannelException.RateLimited.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void anAnswerRefusedWithAShortRetryAfterIsSentAfterIt() throws Exception {
        api.failNextSend(-1001L, "429_with_retry_after", 1);
        long start = System.nanoTime();
        assertThat(channel.sendAll(group, Reply.text("hi"))).hasSize(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(900);
        assertThat(api.sentTo(-1001)).hasSize(1);
        assertThat(api.calls("sendmessage")).hasSize(2); // the refused one and the one sent after it
    }

    @Test
    void anAnswerRefusedForLongerThanTheRetryLimitFailsAtOnce() {
        api.failNextSend(-1001L, "429_with_retry_after", 60);
        long start = System.nanoTime();
        assertThatThrownBy(() -> channel.sendAll(group, Reply.text("hi")))
                .isInstanceOf(ChannelException.RateLimited.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(api.sentTo(-1001)).isEmpty();
    }

    @Test
    void blockedIsForbidden() {
        api.failNextSend(-1001L, "403_bot_blocked", null);
        assertThatThrownBy(() -> channel.send(group, Reply.text("hi"))).isInstanceOf(ChannelException.Forbidden.class);
    }

    @Test
    void chatNotFoundIsForbiddenToo() {
        api.failNextSend(-1001L, "400_chat_not_found", null);
        assertThatThrownBy(() -> channel.send(group, Reply.text("hi"))).isInstanceOf(ChannelException.Forbidden.class);
    }

    @Test
    void cantParseEntitiesIsResentOnceAsPlainText() throws Exception {
        api.failNextSend(-1001L, "400_cant_parse_entities_variants", null);
        channel.send(
                group,
                Reply.builder()
                        .paragraph(Reply.Span.bold("粗体"), Reply.Span.plain(" & 文本"))
                        .build());
        assertThat(api.sentTo(-1001)).singleElement().satisfies(b -> {
            assertThat(b.get("text").asText()).isEqualTo("粗体 & 文本");
            assertThat(b.has("parse_mode")).isFalse();
        });
    }

    @Test
    void thePlainTextFallbackWritesOnlyTheLinksTheHtmlWouldHaveSent() throws Exception {
        api.failNextSend(-1001L, "400_cant_parse_entities_variants", null);
        channel.send(
                group,
                Reply.builder()
                        .paragraph(
                                Reply.Span.link("原文", "HTTPS://x.com/dotey/status/1"),
                                Reply.Span.plain(" "),
                                Reply.Span.link("点这里", "javascript:alert(1)"),
                                Reply.Span.link("图", "data:text/html,<b>x</b>"))
                        .build());
        assertThat(api.sentTo(-1001))
                .singleElement()
                .satisfies(b -> assertThat(b.get("text").asText()).isEqualTo("原文 (https://x.com/dotey/status/1) 点这里图"));
    }

    @Test
    void thePlainTextFallbackOverTelegramsLimitIsSplitWithTheButtonsOnTheLastMessage() throws Exception {
        String word = "模型发布 ";
        Reply huge = Reply.builder()
                .paragraph(Reply.Span.plain(word.repeat(1500)))
                .button("下一页", "page:2")
                .build();
        api.failNextSend(-1001L, "400_cant_parse_entities_variants", null);

        String id = channel.send(group, huge);

        var sent = api.sentTo(-1001);
        assertThat(sent).hasSizeGreaterThan(1);
        assertThat(sent).allSatisfy(b -> {
            assertThat(b.get("text").asText().length()).isLessThanOrEqualTo(4096);
            assertThat(b.has("parse_mode")).isFalse();
        });
        assertThat(sent.stream().map(b -> b.get("text").asText()).toList())
                .as("nothing is lost but the spaces cut at")
                .satisfies(texts -> assertThat(String.join("", texts).replace(" ", ""))
                        .isEqualTo(huge.plainText().replace(" ", "")));
        assertThat(sent.subList(0, sent.size() - 1)).noneMatch(b -> b.has("reply_markup"));
        assertThat(sent.get(sent.size() - 1).has("reply_markup")).isTrue();
        assertThat(id).isNotBlank();
    }

    @Test
    void cantParseTwiceIsBadFormat() {
        api.failNextSend(-1001L, "400_cant_parse_entities_variants", null);
        api.failNextSend(-1001L, "400_cant_parse_entities_variants", null);
        assertThatThrownBy(() -> channel.send(group, Reply.text("x"))).isInstanceOf(ChannelException.BadFormat.class);
    }

    @Test
    void migratedGroupGivesTheNewChatId() {
        api.failNextSend(-1001L, "migrate", null);
        assertThatThrownBy(() -> channel.send(group, Reply.text("x")))
                .isInstanceOfSatisfying(ChannelException.ChatMigrated.class, e -> assertThat(e.newChatId())
                        .isEqualTo("12345"));
    }

    @Test
    void unknownFailuresAreRetryable() {
        api.close();
        assertThatThrownBy(() -> channel.send(group, Reply.text("x"))).isExactlyInstanceOf(ChannelException.class);
    }

    @Test
    void callbackDataIsCutToSixtyFourBytesNeverInsideAnEmoji() {
        // 61 bytes and a 4-byte emoji: dropping one char left its high half, one byte as UTF-8's '?'
        assertThat(TelegramChannel.callbackData("a".repeat(61) + "😀")).isEqualTo("a".repeat(61));
        assertThat(TelegramChannel.callbackData("topic|2|" + "🤗".repeat(20))).isEqualTo("topic|2|" + "🤗".repeat(14));
    }
}
