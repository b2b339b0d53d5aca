package dev.aidigest.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Span;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.TestReplies;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Discord's limits kept by splitting between items, markdown escaped, and each error answer typed. */
class DiscordEmbedsTest {

    @Test
    void aLongDigestSplitsBetweenItemsIntoMessagesWithinEveryLimit() {
        Reply digest = TestReplies.digest(17, 60);
        List<Reply> parts = DiscordEmbeds.split(digest);
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts).allSatisfy(p -> {
            DiscordEmbeds.Message m = DiscordEmbeds.message(p);
            assertThat(DiscordEmbeds.fits(m)).isTrue();
            assertThat(m.size()).isLessThanOrEqualTo(6000);
            assertThat(m.embeds())
                    .hasSizeLessThanOrEqualTo(10)
                    .allSatisfy(e -> assertThat(e.description().length()).isLessThanOrEqualTo(4096));
        });
        assertThat(parts.stream().flatMap(p -> p.blocks().stream()).toList()).isEqualTo(digest.blocks());
        assertThat(DiscordEmbeds.message(parts.get(0)).embeds().get(0).title())
                .isEqualTo("2025.11.26.16 过去4小时全球AI发生了什么？");
        assertThat(parts.subList(1, parts.size())).allSatisfy(p -> assertThat(
                        DiscordEmbeds.message(p).embeds().get(0).title())
                .isNull());
    }

    @Test
    void aBlockLongerThanAnEmbedIsCutAsPlainText() {
        Reply r = Reply.builder().line("字*".repeat(5000)).build();
        List<Reply> parts = DiscordEmbeds.split(r);
        assertThat(parts).allSatisfy(p -> assertThat(DiscordEmbeds.fits(DiscordEmbeds.message(p)))
                .isTrue());
        assertThat(String.join("", parts.stream().map(Reply::plainText).toList()))
                .isEqualTo("字*".repeat(5000));
    }

    @Test
    void markdownIsEscapedAndLinksKeptClickable() {
        Reply r = Reply.builder()
                .paragraph(Span.bold("a_b"), Span.plain(" *x* `c` <@123> #h"), Span.link("t(1)", "https://x.com/a_(b)"))
                .build();
        assertThat(DiscordEmbeds.message(r).embeds().get(0).description())
                .isEqualTo("**a\\_b** \\*x\\* \\`c\\` \\<@123\\> \\#h[t\\(1\\)](https://x.com/a_%28b%29)");
    }

    @Test
    void buttonsAreCappedAtFiveWithIdsOfAtMostOneHundredCharacters() {
        Reply.Builder b = Reply.builder().line("x");
        for (int i = 0; i < 7; i++) {
            b.button("更多" + i, "topic|2|" + "词".repeat(120));
        }
        DiscordEmbeds.Message m = DiscordEmbeds.message(b.build());
        assertThat(m.buttons()).hasSize(5).allSatisfy(x -> assertThat(x.action())
                .hasSize(100));
        assertThat(new DiscordJson(Jackson.json()).message(m).at("/components/0/components"))
                .hasSize(5);
    }

    @Test
    void aBlankBoldFirstLineIsNoTitle() {
        DiscordEmbeds.Message m = DiscordEmbeds.message(
                Reply.builder().paragraph(Span.bold("")).line("正文").build());

        assertThat(m.embeds()).extracting(DiscordEmbeds.Embed::title).containsOnlyNulls();
        assertThat(m.embeds().get(0).description()).isEqualTo("正文");
        DiscordChannel.create(m); // JDA refused the empty title
    }

    @Test
    void nothingThatShowsNothingIsSent() {
        // a block of white space and controls alone made an embed JDA (and Discord) refuse as empty
        Reply r = Reply.builder()
                .line("正文")
                .line(" \u0000\t")
                .line("x".repeat(1000) + " ".repeat(9000))
                .build();

        List<Reply> parts = DiscordEmbeds.split(r);

        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(p -> {
            DiscordEmbeds.Message m = DiscordEmbeds.message(p);
            assertThat(m.embeds()).isNotEmpty().allSatisfy(e -> assertThat(e.description())
                    .isNotBlank());
            DiscordChannel.create(m);
        });
    }

    @Test
    void aButtonLabelOrIdIsCutBeforeAnEmojiNotInsideIt() {
        DiscordEmbeds.Message m = DiscordEmbeds.message(Reply.builder()
                .line("x")
                .button("a" + "🤗".repeat(60), "topic|" + "😀".repeat(60))
                .build());

        Reply.Button b = m.buttons().get(0);
        assertThat(b.label()).isEqualTo("a" + "🤗".repeat(39));
        assertThat(b.action()).isEqualTo("topic|" + "😀".repeat(47));
        DiscordChannel.create(m); // JDA refuses neither
    }

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @CsvSource({
        "429, 0, RateLimited",
        "403, 50013, Forbidden",
        "403, 50001, Forbidden",
        "404, 10003, Forbidden",
        "404, 10015, Forbidden",
        "400, 50007, Forbidden",
        "400, 50035, BadFormat",
        "401, 50014, ChannelException",
        "500, 0, ChannelException",
        "502, 0, ChannelException"
    })
    void eachDiscordErrorMapsToOneOfOurs(int status, int code, String expected) {
        var body = Jackson.json()
                .createObjectNode()
                .put("code", code)
                .put("message", "m")
                .put("retry_after", 1.5);
        ChannelException e = DiscordWebhooks.map(status, body, null);
        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        if (e instanceof ChannelException.RateLimited r) {
            assertThat(r.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        }
    }
}
