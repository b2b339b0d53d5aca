package dev.aidigest.digest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aidigest.digest.Entities;
import dev.aidigest.text.Aliases;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

    private final Entities entities = Entities.standard();
    private final Aliases terms = Aliases.bundledTerms();

    private List<String> words(String text) {
        return WordVectors.words(text, entities.aliases(), terms, entities.stopwords());
    }

    private WordVectors vectors(String... texts) {
        return WordVectors.of(List.of(texts), entities.aliases(), terms, entities.stopwords());
    }

    @Test
    void namesAndTermsAreOneWordInBothLanguages() {
        assertThat(words("Trump signs an executive order to preempt state laws"))
                .contains("e:donaldtrump", "t:executiveorder", "t:statelaws");
        assertThat(words("特朗普签署行政令，限制各州自行立法")).contains("e:donaldtrump", "t:executiveorder");
    }

    @Test
    void otherChineseTextIsCharacterPairsAndOtherLatinWordsThemselves() {
        assertThat(words("豆包日活破亿")).contains("e:doubao", "t:dailyactiveusers", "c:破亿");
        assertThat(words("Cursor ships visual editors, https://x.com/a @swyx"))
                .contains("w:ship", "t:visualeditor")
                .noneMatch(w -> w.contains("swyx") || w.contains("x.com"));
    }

    @Test
    void figuresInChineseUnitsAreWrittenAsEnglishWritesThem() {
        assertThat(words("总参数 1.2 万亿，激活 520 亿，100 万上下文，3万人")).contains("w:1.2t", "w:52b", "w:1m", "w:30k");
        assertThat(words("1.2T total, 52B active, 1M context")).contains("w:1.2t", "w:52b", "w:1m");
        assertThat(WordVectors.figure("4000", "亿")).isEqualTo("400b");
    }

    @Test
    void aChineseAndAnEnglishTellingShareTheirBilingualWordsOnly() {
        WordVectors v = vectors(
                "Honored that Gated Attention received a NeurIPS 2025 best paper award",
                "通义千问团队的门控注意力论文拿下 NeurIPS 2025 最佳论文",
                "A recipe for sourdough bread that never fails");
        double acrossScripts = v.cosine(0, 1, true);
        double allWords = v.cosine(0, 1, false);
        assertThat(acrossScripts)
                .as("between the scripts, words neither could write do not dilute what they share")
                .isGreaterThan(allWords)
                .isGreaterThan(0.3);
        assertThat(v.cosine(0, 2, false)).isZero();
        assertThat(v.cosine(1, 1, false)).isCloseTo(1.0, within(1e-6));
    }
}
