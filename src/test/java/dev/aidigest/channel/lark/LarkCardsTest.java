package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.Reply;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.JsonSnapshots;
import dev.aidigest.testing.TestReplies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Card rendering (snapshotted) and splitting under the size limit between items. */
class LarkCardsTest {

    final LarkCards cards = new LarkCards(Jackson.json());

    static Reply digest(int items, int summaryRepeat) {
        return TestReplies.digest(items, summaryRepeat);
    }

    @Test
    void rendersADigestAsACardWithTheTitleAsHeader() {
        Reply r = Reply.builder()
                .block(digest(2, 0).blocks().get(0))
                .block(digest(2, 0).blocks().get(1))
                .button("更多", "topic|2|FLUX")
                .build();
        JsonSnapshots.assertMatches("lark/card_digest_two_items.json", cards.card(r, "group"));
    }

    @Test
    void aLongTitleIsCutForTheHeaderWithAnEllipsisNeverInsideAnEmoji() {
        String title = "🤖".repeat(30) + "模型".repeat(100);
        Reply r = Reply.builder().paragraph(Reply.Span.bold(title)).line("正文").build();

        String header = cards.card(r, "group")
                .path("header")
                .path("title")
                .path("content")
                .asText();

        assertThat(header.length()).isLessThanOrEqualTo(LarkCards.MAX_TITLE);
        assertThat(header).endsWith("…").startsWith("🤖".repeat(30) + "模型");
        assertThat(LarkCards.title("🤖".repeat(60))).isEqualTo("🤖".repeat(49) + "…");
        assertThat(LarkCards.title("2025.11.26.16 过去4小时全球AI发生了什么？")).isEqualTo("2025.11.26.16 过去4小时全球AI发生了什么？");
    }

    @Test
    void escapesMarkdownSoTextCannotBecomeFormatting() {
        assertThat(LarkCards.escape("a*b_c [x](y) <at id=1> & ~"))
                .isEqualTo("a&#42;b&#95;c &#91;x&#93;(y) &lt;at id=1&gt; &amp; &#126;");
    }

    @Test
    void splitsALongDigestBetweenItemsWithEveryCardUnderTheLimit() {
        Reply big = digest(17, 40);
        List<Reply> parts = cards.split(big, LarkCards.LIMIT);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts)
                .allSatisfy(p -> assertThat(cards.size(cards.card(p, "group"))).isLessThanOrEqualTo(LarkCards.LIMIT));
        assertThat(parts.stream().mapToInt(p -> p.blocks().size()).sum())
                .isEqualTo(big.blocks().size());
        assertThat(parts.stream().flatMap(p -> p.blocks().stream()).toList()).isEqualTo(big.blocks());
    }

    @Test
    void aShortReplyIsOneCardAndKeepsItsButtons() {
        Reply r = Reply.builder().line("结果").button("更多", "topic|2|x").build();
        assertThat(cards.split(r, LarkCards.LIMIT)).singleElement().satisfies(p -> assertThat(p.buttons())
                .hasSize(1));
    }

    @Test
    void aSingleBlockTooBigForOneCardIsCutAsPlainText() {
        Reply r = Reply.builder().line("长".repeat(20_000)).build();
        List<Reply> parts = cards.split(r, LarkCards.LIMIT);
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts)
                .allSatisfy(p -> assertThat(cards.size(cards.card(p, "group"))).isLessThanOrEqualTo(LarkCards.LIMIT));
        assertThat(String.join("", parts.stream().map(Reply::plainText).toList()))
                .isEqualTo("长".repeat(20_000));
    }
}
