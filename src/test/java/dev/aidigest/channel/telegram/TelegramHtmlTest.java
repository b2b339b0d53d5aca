package dev.aidigest.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.Reply;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.command.DigestReplies;
import dev.aidigest.testing.FuzzedReplies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    static ArchivedDigest digest(int items, int summaryChars) {
        List<ArchivedDigest.Item> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            String summary = "merve 介绍 **FLUX.2** <script> & a<b " + "中文摘要".repeat(summaryChars / 4);
            list.add(new ArchivedDigest.Item(
                    i,
                    "FLUX.2 <发布> & \"更多\"",
                    summary,
                    "https://x.com/a/status/" + i + "?x=1&y=\"2\"",
                    List.of("merve", "clem 🤗")));
        }
        return new ArchivedDigest(
                1,
                "digest",
                "2025.11.26.16",
                "2025.11.26.16 过去4小时全球AI发生了什么？",
                Instant.EPOCH,
                List.of("AI模型"),
                list,
                "gpt");
    }

    @Test
    void escapesTextAndHrefAndTurnsMarkdownBoldIntoB() {
        String html = TelegramHtml.render(new DigestReplies().of(digest(1, 8)));
        assertThat(html).startsWith("<b>2025.11.26.16 过去4小时全球AI发生了什么？</b>\n分类：AI模型\n\n1. ");
        assertThat(html)
                .contains(
                        "<a href=\"https://x.com/a/status/1?x=1&amp;y=%222%22\">FLUX.2 &lt;发布&gt; &amp; &quot;更多&quot;</a> - merve / clem 🤗");
        assertThat(html).contains("merve 介绍 <b>FLUX.2</b> &lt;script&gt; &amp; a&lt;b ");
        assertThat(html).doesNotContain("**");
    }

    @Test
    void aLinkIsSentOnlyWhenItIsAnHttpLinkWithAHostAndEncodedAsOnTheOtherPlatforms() {
        // Telegram refuses the whole message for an href it cannot read as a URL
        String html = TelegramHtml.render(Reply.builder()
                .paragraph(
                        Reply.Span.link("no host", "https://"),
                        Reply.Span.link(" space", "https://a.example/a b\"c"),
                        Reply.Span.link(" upper", "HTTPS://A.example/x"),
                        Reply.Span.link(" script", "javascript:alert(1)"))
                .build());

        assertThat(html)
                .isEqualTo("no host<a href=\"https://a.example/a%20b%22c\"> space</a>"
                        + "<a href=\"https://A.example/x\"> upper</a> script");
    }

    @Test
    void splitsOnlyBetweenItemsAndEveryPartFits() {
        Reply reply = new DigestReplies().of(digest(17, 300));
        List<Reply> parts = TelegramHtml.split(reply, TelegramHtml.LIMIT);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts)
                .allSatisfy(p -> assertThat(TelegramHtml.render(p).length()).isLessThanOrEqualTo(4096));
        assertThat(parts.stream().mapToInt(p -> p.blocks().size()).sum())
                .isEqualTo(reply.blocks().size());
        assertThat(parts.stream().flatMap(p -> p.blocks().stream()).toList()).isEqualTo(reply.blocks());
    }

    @Test
    void aSingleBlockLongerThanTheLimitIsCutAsPlainText() {
        Reply huge = Reply.text("长".repeat(9000) + "&<>");
        List<Reply> parts = TelegramHtml.split(huge, TelegramHtml.LIMIT);
        assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parts)
                .allSatisfy(p -> assertThat(TelegramHtml.render(p).length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("", parts.stream().map(Reply::plainText).toList()))
                .isEqualTo(huge.plainText());
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        // one char before the emoji puts every pair across the cut's first guess (3896)
        Reply huge = Reply.text("a" + "😀".repeat(3000));

        List<Reply> parts = TelegramHtml.split(huge, TelegramHtml.LIMIT);

        assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(FuzzedReplies.loneSurrogate(TelegramHtml.render(p)))
                .isEqualTo(-1));
        assertThat(parts.get(0).plainText()).hasSize(3895);
        assertThat(String.join("", parts.stream().map(Reply::plainText).toList()))
                .isEqualTo(huge.plainText());
    }

    @Test
    void noPartShowsNothing() {
        // blank blocks that did not fit with the text before them were a message of their own
        Reply r = Reply.builder()
                .line("a".repeat(4000))
                .line(" ".repeat(3000))
                .line("\u0000 ".repeat(1000))
                .line(" ".repeat(9000))
                .button("更多", "topic|2|x")
                .build();

        List<Reply> parts = TelegramHtml.split(r, TelegramHtml.LIMIT);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).plainText()).startsWith("aaa");
        // U+FFFF is text, but no HTML: the escaper drops it, and the message would be empty
        assertThat(TelegramHtml.split(
                        Reply.builder()
                                .line("a".repeat(4000))
                                .line("\uffff".repeat(200))
                                .build(),
                        TelegramHtml.LIMIT))
                .hasSize(1);
        assertThat(parts.get(0).buttons()).hasSize(1);
    }

    @Test
    void buttonsStayWithTheLastPart() {
        Reply r = Reply.builder()
                .line("a".repeat(3000))
                .line("b".repeat(3000))
                .button("更多", "topic|2|x")
                .build();
        List<Reply> parts = TelegramHtml.split(r, TelegramHtml.LIMIT);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).buttons()).isEmpty();
        assertThat(parts.get(1).buttons()).hasSize(1);
    }

    /**
     * The escaper drops what HTML cannot hold (U+FFFF), so the HTML of a part can be shorter than its
     * plain text, which is what goes out when Telegram cannot parse the HTML. Parts fit both ways, so
     * that fallback is one message and a failure half-way cannot resend half a part.
     */
    @Test
    void aPartsPlainTextFallbackIsOneMessageEvenWhenTheHtmlDropsCharacters() {
        Reply.Builder b = Reply.builder();
        for (int i = 0; i < 6; i++) {
            b.block(Reply.Block.of(Reply.Span.plain("第" + i + "条 " + "\uFFFF".repeat(700) + "g".repeat(300))));
        }
        Reply reply = b.build();

        List<Reply> parts = TelegramHtml.split(reply, TelegramHtml.LIMIT);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(
                        TelegramHtml.plainParts(p, TelegramHtml.LIMIT))
                .hasSize(1));
    }
}
