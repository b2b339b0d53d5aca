package dev.aidigest.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.Entities;
import dev.aidigest.text.Aliases.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped list: big enough, keyed like the digest's names, and right on the cases AI news writes. */
class BundledAliasesTest {

    static final Aliases A = Aliases.bundled();

    static List<String> ids(String text) {
        return A.find(text).stream().map(Match::id).toList();
    }

    @Test
    void listsAtLeastThreeHundredEntitiesOfEveryKind() {
        assertThat(A.entities()).hasSizeGreaterThanOrEqualTo(300);
        for (Aliases.Kind k : Aliases.Kind.values()) {
            if (k != Aliases.Kind.TERM) {
                assertThat(A.entities()).as(k.name()).anyMatch(e -> e.kind() == k);
            }
        }
        System.out.println("bundled aliases: " + A.counts());
    }

    @Test
    void theBundledTermsAreTermsOnlyAndEachHasMoreThanOneForm() {
        Aliases terms = Aliases.bundledTerms();
        assertThat(terms.entities()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(terms.entities()).allMatch(e -> e.kind() == Aliases.Kind.TERM);
        assertThat(terms.entities()).allMatch(e -> e.names().size() >= 2);
        assertThat(terms.find("开源模型的权重").stream().map(Match::id).toList())
                .as("the longer form wins")
                .containsExactly("openmodel", "weights");
    }

    @Test
    void everyIdIsTheDigestsKeyOfOneOfItsNames() {
        for (Aliases.Entity e : A.entities()) {
            assertThat(e.names()).as(e.id()).anyMatch(n -> Entities.canonical(n).equals(e.id()));
        }
    }

    @Test
    void chineseAndEnglishNamesMeetOnOneKey() {
        assertThat(ids("黄仁勋说英伟达的 GPU 供不应求；Jensen Huang said Nvidia GPUs are sold out"))
                .containsExactly("jensenhuang", "nvidia", "jensenhuang", "nvidia");
        assertThat(ids("月之暗面的 Kimi 与 Moonshot AI")).containsExactly("moonshotai", "kimi", "moonshotai");
        assertThat(ids("深度求索 DeepSeek")).containsExactly("deepseek", "deepseek");
        assertThat(ids("字节跳动的豆包和字节的即梦，ByteDance Doubao"))
                .containsExactly("bytedance", "doubao", "bytedance", "jimeng", "bytedance", "doubao");
        assertThat(ids("阿里通义千问 Qwen3 与阿里巴巴")).containsExactly("alibaba", "qwen", "qwen", "alibaba");
        assertThat(ids("吴恩达 Andrew Ng")).containsExactly("andrewng", "andrewng");
        assertThat(ids("奥特曼、阿尔特曼和 Sam Altman")).containsOnly("samaltman").hasSize(3);
        assertThat(ids("智谱 Z.ai 发布 GLM-4.6")).containsExactly("zhipu", "zhipu", "glm");
        assertThat(ids("马斯克 Elon Musk")).containsExactly("elonmusk", "elonmusk");
        assertThat(ids("苹果 Apple 微软 Microsoft 亚马逊 Amazon AWS 美光 Micron"))
                .containsExactly(
                        "apple", "apple", "microsoft", "microsoft", "amazon", "amazon", "aws", "micron", "micron");
        assertThat(ids("快手可灵 Kling 阶跃星辰 StepFun 谷歌 Google"))
                .containsExactly("kuaishou", "kling", "kling", "stepfun", "stepfun", "google", "google");
    }

    @Test
    void ordinaryWordsAreNotNames() {
        assertThat(ids("我喝了一杯苹果汁")).isEmpty();
        assertThat(ids("an apple pie, a moonshot idea, the perplexity of a model, minimax search"))
                .isEmpty();
        assertThat(ids("每个字符占两个字节，字节码和字节对编码")).isEmpty();
        assertThat(ids("Gemini 3 is out")).containsExactly("gemini");
        assertThat(ids("Claude Shannon founded information theory")).isEmpty();
        assertThat(ids("released under the MIT License")).isEmpty();
        assertThat(ids("一个苹果")).isEmpty();
        assertThat(ids("东北大学和北大西洋")).isEmpty();
    }

    @Test
    void anOrgNeverMakesAPersonMatchTheirCompany() {
        assertThat(A.orgOf("samaltman")).contains("openai");
        assertThat(A.idOf("奥特曼")).contains("samaltman");
        assertThat(A.surfaces("openai")).doesNotContain("奥特曼", "Sam Altman");
        assertThat(A.orgOf("kimi")).contains("moonshotai");
        assertThat(ids("Kimi")).containsExactly("kimi");
    }
}
