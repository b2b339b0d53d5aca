package dev.aidigest.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      FLUX.2 is out. It is fast.                              | FLUX.2 is out.~It is fast.
      Opus 4.5 beats 4.1 on e.g. coding. Try it!              | Opus 4.5 beats 4.1 on e.g. coding.~Try it!
      Peter H. Diamandis says AI is 500x faster. Wow.         | Peter H. Diamandis says AI is 500x faster.~Wow.
      模型发布了！真的吗？是的。                                  | 模型发布了！~真的吗？~是的。
      太强了！！下一步呢                                         | 太强了！！~下一步呢
      see example.com/a.b for details                         | see example.com/a.b for details
      """)
    void splitsSentencesWithoutBreakingNamesNumbersOrAbbreviations(String text, String expected) {
        assertThat(PostText.sentences(text)).isEqualTo(List.of(expected.split("~")));
    }

    @Test
    void cleaningDropsLinksEmojiLeadingMentionsAndHashtagRunsButKeepsInlineWordsAndRanks() {
        String cleaned =
                PostText.clean("RT @merve: 🔥 #FLUX2 is #1 on the Hub 🤗 https://t.co/xyz #AI #GenAI #OpenSource");

        assertThat(cleaned).isEqualTo("FLUX2 is #1 on the Hub");
    }

    @Test
    void shorteningPrefersAClauseMarkThenAWordBoundaryAndNeverSplitsALatinName() {
        assertThat(PostText.shorten("OpenAI 发布了新模型，在多个基准上刷新纪录并开放了 API 访问", 24)).isEqualTo("OpenAI 发布了新模型…");
        assertThat(PostText.shorten("A new open model beats every closed model on reasoning", 20))
                .isEqualTo("A new open model…");
        assertThat(PostText.shorten("这是一个非常非常长的句子里面有Qwen3-VL-235B模型", 22)).isEqualTo("这是一个非常非常长的句子里面有…");
    }

    @Test
    void aLineEndingInAColonStaysWithTheListAndListNumbersAreDropped() {
        List<String> s = PostText.sentences("Claude Opus 4.5 发布，整理了几个重点：\n1. 编码更强。\n2. 价格大降：输入 $5。");
        assertThat(s).containsExactly("Claude Opus 4.5 发布，整理了几个重点：1. 编码更强。", "价格大降：输入 $5。");
        assertThat(s).noneMatch(x -> x.contains("：。"));
    }
}
