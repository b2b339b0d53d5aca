package dev.aidigest.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.text.Aliases;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    static final Tokenizer tokenizer = new Tokenizer();
    static final Tokenizer plain = new Tokenizer(Aliases.none());

    @Test
    void latinTokensAreKeptWholeLowerCasedAndSplitOnPunctuation() {
        assertThat(tokenizer.documentTerms("Black Forest Labs 发布 FLUX.2，支持 Qwen3-VL 与 GPT-5.1!"))
                .contains(
                        "flux.2",
                        "flux",
                        "2",
                        "qwen3-vl",
                        "qwen3",
                        "vl",
                        "gpt-5.1",
                        "gpt-5",
                        "gpt",
                        "black",
                        "forest",
                        "labs");
    }

    @Test
    void queriesKeepTheWholeToken() {
        assertThat(tokenizer.queryTerms("FLUX.2")).containsExactly("flux.2");
        assertThat(tokenizer.queryTerms("Qwen3")).containsExactly("qwen3");
    }

    @Test
    void chineseIsSegmentedTheSameWayForDocumentsAndQueries() {
        assertThat(plain.documentTerms("谷歌发布了新的图像生成模型")).contains("谷歌", "发布", "图像", "生成", "模型");
        assertThat(plain.queryTerms("谷歌模型")).containsExactly("谷歌", "模型");
        assertThat(tokenizer.documentTerms("人工智能")).contains("人工智能");
        assertThat(tokenizer.queryTerms("人工智能")).containsExactly("人工智能");
    }

    @Test
    void singleHanCharactersAreDroppedFromQueriesThatHaveWords() {
        assertThat(tokenizer.queryTerms("大模型")).containsExactly("模型");
    }

    @Test
    void everyNameOfAnEntityIsOneTerm() {
        assertThat(tokenizer.documentTerms("谷歌发布了新的图像生成模型")).contains("entity:google", "谷歌", "模型");
        assertThat(tokenizer.documentTerms("Google DeepMind's Gemini 3"))
                .contains("entity:googledeepmind", "entity:google", "entity:gemini", "google", "gemini");
        assertThat(tokenizer.queryTerms("谷歌模型")).containsExactly("entity:google", "模型");
        assertThat(tokenizer.queryTerms("Moonshot AI")).containsExactly("entity:moonshotai");
        assertThat(tokenizer.queryTerms("nvidia")).containsExactly("entity:nvidia");
    }

    @Test
    void aQueryWordThatOnlyStartsWithANameKeepsItsOwnTerm() {
        assertThat(tokenizer.queryTerms("Qwen3")).containsExactly("qwen3");
        assertThat(tokenizer.queryTerms("GPT-5.1")).containsExactly("gpt-5.1");
        assertThat(tokenizer.queryTerms("apple pie")).containsExactly("apple", "pie");
    }
}
