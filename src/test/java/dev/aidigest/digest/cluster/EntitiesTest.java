package dev.aidigest.digest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitiesTest {

    private final Entities entities = Entities.standard();

    @Test
    void writesOneKeyForEverySpellingOfAVersionedName() {
        assertThat(entities.extract("FLUX.2 is out!")).containsKey("flux2");
        assertThat(entities.extract("测试了一下刚发布的 Flux 2，效果很好")).containsKey("flux2");
        assertThat(entities.extract("Anthropic 发布 Claude Opus 4.5，编程最强")).containsKeys("claudeopus4.5", "opus4.5");
        assertThat(entities.extract("Opus 4.5 inside Factory is wild")).containsKey("opus4.5");
        assertThat(entities.extract("GPT-5.1-Codex-Max can work for 24 hours")).containsKey("gpt5.1codexmax");
    }

    @Test
    void keepsDifferentProductsOfOneFamilyApart() {
        assertThat(entities.extract("Qwen3-VL technical report"))
                .containsKey("qwen3vl")
                .doesNotContainKey("qwen3");
        assertThat(entities.extract("Meta 发布 SAM 3，还有 SAM 3D")).containsKeys("sam3", "sam3d");
    }

    @Test
    void findsPhrasesOfCapitalisedWordsButNotOrdinaryWords() {
        assertThat(entities.extract("Meet Nano Banana Pro, our new image model"))
                .containsKeys("nanobananapro", "bananapro")
                .doesNotContainKeys("meet", "image", "model", "our");
        assertThat(entities.extract("The model is great and the weights are open"))
                .isEmpty();
    }

    @Test
    void ignoresLinksAndMentions() {
        assertThat(entities.extract("@sama look https://t.co/Ab3xYz9 FLUX.2")).containsOnlyKeys("flux2");
    }

    @Test
    void weighsANameByHowRareItIsInTheWindowAndCompaniesNotAtAll() {
        List<String> window = new ArrayList<>();
        window.add("Meta released SAM 3 for segmentation");
        window.add("Meta 发布 SAM 3 分割模型");
        window.add("Meta shows new AI glasses with a display");
        for (int i = 0; i < 40; i++) {
            window.add("Everyone is testing GPT-5 today, post " + i);
        }
        EntityIndex index = EntityIndex.build(window, entities);

        assertThat(index.shared(0, 1)).as("SAM 3 in two posts").isGreaterThan(0.8);
        assertThat(index.shared(0, 2)).as("only the company Meta").isZero();
        assertThat(index.shared(3, 4)).as("GPT-5 in 40 of 43 posts").isLessThan(0.3);
    }

    @Test
    void findsAWindowNameWrittenInLowerCaseElsewhere() {
        EntityIndex index = EntityIndex.build(
                List.of("感觉 Nano Banana Pro 最近降智了", "is it just me or has nano banana pro been worse this week"),
                entities);

        assertThat(index.keysOf(1)).contains("nanobananapro");
        assertThat(index.shared(0, 1)).isGreaterThan(0.6);
    }

    @Test
    void aGenericWordJoinedToALowerCaseOneDescribesAndNamesNothing() {
        assertThat(entities.extract("AI-driven research is now running 500x faster"))
                .doesNotContainKey("aidriven");
        assertThat(entities.extract("Prediction: as fears of AI-driven job loss grow"))
                .doesNotContainKey("aidriven");
        assertThat(entities.extract("Meet it. Studio-quality control for everyone"))
                .containsKey("studioquality");
    }

    @Test
    void aNameFirstWrittenAfterTheLedeLineIsADetailNotWhatThePostLeadsWith() {
        EntityIndex index = EntityIndex.build(
                List.of(
                        "ChatGPT 上线了“购物研究”功能：告诉它你要买什么\n\n背后是专门为购物任务训练的 GPT-5 mini。",
                        "In WIRED I wrote: if GPT-5 didn't give OpenAI a decisive lead, enthusiasm would fade.\n\nMeanwhile GenAI is everywhere."),
                entities);

        assertThat(leading(index, 0)).doesNotContain("gpt5");
        assertThat(leading(index, 1)).contains("gpt5").doesNotContain("genai");
        assertThat(index.shared(0, 1))
                .as("a detail weighs less than a rare lead")
                .isLessThan(0.6);
    }

    @Test
    void aComparisonOfVersionedModelsIsAboutTheFirstOfThem() {
        EntityIndex index = EntityIndex.build(
                List.of(
                        "BREAKING: Claude Opus 4.5 beats GPT-5.1 and Gemini 3 Pro on every benchmark.",
                        "Gemini 3 Pro 写 SVG 动画是真的强"),
                entities);

        List<String> subject = new ArrayList<>();
        for (int id : index.subjectIds(0)) {
            subject.add(index.keysOf(0).get(java.util.Arrays.binarySearch(index.ids(0), id)));
        }
        assertThat(subject).contains("opus4.5").doesNotContain("gpt5.1", "gemini3pro");
    }

    @Test
    void aCompanyInsideAPhraseIsStillWhatThePostLeadsWith() {
        EntityIndex index = EntityIndex.build(
                List.of("New Anthropic research: emergent misalignment from reward hacking.", "Anthropic 这篇新研究挺吓人的"),
                entities);

        assertThat(index.ledWith(0)).contains("anthropic");
        assertThat(index.ledWith(1)).contains("anthropic");
        assertThat(index.shared(0, 1)).as("a company alone links nothing").isZero();
    }

    @Test
    void anAcronymSpelledOutInTheWindowNamesThePhraseEverywhere() {
        EntityIndex index = EntityIndex.build(
                List.of(
                        "I am creating a startup to continue the Advanced Machine Intelligence research program (AMI).",
                        "LeCun 官宣创业了：新公司专注 AMI（高级机器智能）",
                        "AI 和 LLM 的区别"),
                entities);

        assertThat(index.keysOf(1)).contains("advancedmachineintelligence");
        assertThat(index.shared(0, 1)).isGreaterThan(0.6);
        assertThat(index.keysOf(2)).doesNotContain("artificialintelligence");
    }

    private static List<String> leading(EntityIndex index, int p) {
        List<String> out = new ArrayList<>();
        for (int id : index.leadingIds(p)) {
            out.add(index.keysOf(p).get(java.util.Arrays.binarySearch(index.ids(p), id)));
        }
        return out;
    }
}
