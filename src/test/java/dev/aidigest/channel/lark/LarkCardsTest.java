package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.Reply;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.command.DigestReplies;
import dev.aidigest.testing.JsonSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Card rendering (snapshotted) and splitting under the size limit between items. */
class LarkCardsTest {

  final LarkCards cards = new LarkCards(new ObjectMapper());

  static Reply digest(int items, int summaryRepeat) {
    List<ArchivedDigest.Item> list = new ArrayList<>();
    for (int i = 1; i <= items; i++) {
      list.add(new ArchivedDigest.Item(i, "Black Forest Labs 发布 FLUX.2 <第" + i + "条>",
          "**FLUX.2** 支持 4MP 输出 & 多参考图 [beta]。" + "这是一段用于测试长度的中文摘要文字。".repeat(summaryRepeat),
          "https://x.com/merve/status/" + (1000 + i), List.of("merve", "歸藏(guizang.ai)")));
    }
    return new DigestReplies().of(new ArchivedDigest(7, "digest", "2025.11.26.16", "2025.11.26.16 过去4小时全球AI发生了什么？",
        Instant.parse("2025-11-26T08:00:00Z"), List.of("AI模型", "AI应用"), list, "gpt-4o-mini"));
  }

  @Test
  void rendersADigestAsACardWithTheTitleAsHeader() {
    Reply r = Reply.builder().block(digest(2, 0).blocks().get(0)).block(digest(2, 0).blocks().get(1))
        .button("更多", "topic|2|FLUX").build();
    JsonSnapshots.assertMatches("lark/card_digest_two_items.json", cards.card(r, "group"));
  }

  @Test
  void escapesMarkdownSoTextCannotBecomeFormatting() {
    assertThat(LarkCards.escape("a*b_c [x](y) <at id=1> & ~")).isEqualTo("a&#42;b&#95;c &#91;x&#93;(y) &lt;at id=1&gt; &amp; &#126;");
  }

  @Test
  void splitsALongDigestBetweenItemsWithEveryCardUnderTheLimit() {
    Reply big = digest(17, 40);
    List<Reply> parts = cards.split(big, LarkCards.LIMIT);
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts).allSatisfy(p -> assertThat(cards.size(cards.card(p, "group"))).isLessThanOrEqualTo(LarkCards.LIMIT));
    assertThat(parts.stream().mapToInt(p -> p.blocks().size()).sum()).isEqualTo(big.blocks().size());
    assertThat(parts.stream().flatMap(p -> p.blocks().stream()).toList()).isEqualTo(big.blocks());
  }

  @Test
  void aShortReplyIsOneCardAndKeepsItsButtons() {
    Reply r = Reply.builder().line("结果").button("更多", "topic|2|x").build();
    assertThat(cards.split(r, LarkCards.LIMIT)).singleElement().satisfies(p -> assertThat(p.buttons()).hasSize(1));
  }

  @Test
  void aSingleBlockTooBigForOneCardIsCutAsPlainText() {
    Reply r = Reply.builder().line("长".repeat(20_000)).build();
    List<Reply> parts = cards.split(r, LarkCards.LIMIT);
    assertThat(parts).hasSizeGreaterThan(2);
    assertThat(parts).allSatisfy(p -> assertThat(cards.size(cards.card(p, "group"))).isLessThanOrEqualTo(LarkCards.LIMIT));
    assertThat(String.join("", parts.stream().map(Reply::plainText).toList())).isEqualTo("长".repeat(20_000));
  }
}
