package dev.aidigest.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.text.Aliases;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroundingTest {

    @ParameterizedTest(name = "\"{1}\" grounded by \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
      sfcompute raised $40M                          | sfcompute 获得 4000 万美元融资
      sfcompute raised $40 million                   | sfcompute 获得 **4000万美元** 融资
      research is now 500x faster                    | 研究效率提升 ５００ 倍
      5,000 stars in a day                           | 一天获得 5000 星标
      5k stars in a day                              | 一天获得 5千 星标
      FLUX.2 is out with Mistral Small 3.1           | flux.2 采用 Mistral Small 3.1 文本编码器
      Gary Marcus: GPT-5 will not be AGI             | Gary Marcus 认为 GPT5 不是 AGI
      80-100GW of extra power by 2030               | 到 2030 年需要额外 80-100 吉瓦电力
      OpenAI's $1.4 trillion plan                    | OpenAI 的 1.4 万亿美元计划
      500K Trainium 2 chips                          | 50 万颗 Trainium 2 芯片
      needs >80GB VRAM                               | 需要超过 80GB 显存的 AI 模型
      Claude Opus 4.5 in FactoryAI                   | FactoryAI 中的 Opus 4.5
      """)
    void numbersAndNamesFromThePostsAreGrounded(String posts, String answer) {
        assertThat(new Grounding(posts).ungrounded(answer)).isEmpty();
    }

    @ParameterizedTest(name = "\"{1}\" not grounded by \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
      GPT-5 will not be AGI                | GPT-6 不是 AGI                      | gpt-6
      FLUX.2 is a new image model          | FLUX.2 超越了 Midjourney             | midjourney
      sfcompute raised $40M                | sfcompute 获得 5000 万美元融资        | 5000
      research is now 500x faster          | 2025 年研究效率提升 500 倍            | 2025
      Opus 4.5 is great at refactoring     | Opus 4.6 擅长重构                    | 4.6
      """)
    void inventedNumbersAndNamesAreReported(String posts, String answer, String missing) {
        assertThat(new Grounding(posts).ungrounded(answer)).isEqualTo(List.of(missing));
    }

    @ParameterizedTest(name = "\"{1}\" grounded by \"{0}\" through its aliases")
    @CsvSource(delimiter = '|', textBlock = """
      Nvidia's revenue doubled                       | 英伟达收入翻倍
      英伟达收入翻倍                                   | Nvidia 收入翻倍
      黄仁勋: demand is insane                        | Jensen Huang 说需求疯狂
      Moonshot AI open-sources Kimi K2               | 月之暗面开源 Kimi K2
      阿里发布 Qwen3-Max                               | 阿里巴巴发布通义千问 Qwen3-Max
      Claude Code gets plugins                       | Claude 新增插件
      """)
    void aNameIsGroundedByAnyNameOfItsEntity(String posts, String answer) {
        assertThat(new Grounding(posts, Aliases.bundled()).ungrounded(answer)).isEmpty();
    }

    @Test
    void aChineseNameNoPostMentionsIsReported() {
        Grounding g = new Grounding("Kimi K2 is open source, says Yang Zhilin", Aliases.bundled());
        assertThat(g.ungrounded("杨植麟宣布 Kimi K2 开源")).isEmpty();
        assertThat(g.ungrounded("谷歌与月之暗面合作开源 Kimi K2")).containsExactly("谷歌", "月之暗面");
    }

    @Test
    void anOrgLinkGroundsNothing() {
        Grounding g = new Grounding("OpenAI ships a new model", Aliases.bundled());
        assertThat(g.ungrounded("奥特曼发布新模型")).containsExactly("奥特曼");
        assertThat(g.ungrounded("Sam Altman 发布新模型")).containsExactly("sam", "altman");
    }

    @Test
    void withoutAliasesChineseNamesAreNotChecked() {
        assertThat(new Grounding("Nvidia", Aliases.none()).ungrounded("英伟达")).isEmpty();
        assertThat(new Grounding("英伟达", Aliases.none()).ungrounded("Nvidia 发布")).containsExactly("nvidia");
    }
}
