package dev.aidigest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixedTextTest {

    private static final String MIXED = "Claude Opus 4.5 发布，C++ 与 gpt-4o/mini、FLUX.2 和 Qwen3-VL";

    /** Search's and the LLM checks' joiners on top of the names'. */
    private static final MixedText.Rules PLUS_SLASH =
            MixedText.Rules.NAMES.withJoiners("+/").withTrailing("+");

    private static List<String> at(List<LatinToken> tokens) {
        return tokens.stream().map(t -> t.text() + "@" + t.start()).toList();
    }

    @Test
    void namesAreJoinedByDotHyphenAndUnderscoreOnly() {
        List<LatinToken> tokens = MixedText.latin(MIXED);

        assertThat(at(tokens))
                .containsExactly(
                        "Claude@0", "Opus@7", "4.5@12", "C@19", "gpt-4o@25", "mini@32", "FLUX.2@37", "Qwen3-VL@46");
        assertThat(tokens)
                .allSatisfy(t -> assertThat(MIXED.substring(t.start(), t.end())).isEqualTo(t.text()));
    }

    @Test
    void plusAndSlashJoinWhenTheRulesSaySo() {
        assertThat(at(MixedText.latin(MIXED, PLUS_SLASH)))
                .containsExactly(
                        "Claude@0", "Opus@7", "4.5@12", "C++@19", "gpt-4o/mini@25", "FLUX.2@37", "Qwen3-VL@46");
        assertThat(at(MixedText.latin("a+b, c++d, e+/f", PLUS_SLASH)))
                .containsExactly("a+b@0", "c++@5", "d@8", "e+@11", "f@14");
        assertThat(at(MixedText.latin("don't", MixedText.Rules.NAMES.withJoiners("'"))))
                .containsExactly("don't@0");
        assertThat(at(MixedText.latin("don't"))).containsExactly("don@0", "t@4");
    }

    @Test
    void aJoinerCountsOnlyBetweenLettersOrDigits() {
        assertThat(at(MixedText.latin("out. -x- a..b 4.5."))).containsExactly("out@0", "x@6", "a@9", "b@12", "4.5@14");
    }

    @Test
    void theTokensKnowTheirShapeAndNeighbours() {
        List<LatinToken> tokens = MixedText.latin(MIXED);
        LatinToken claude = tokens.get(0);
        LatinToken qwen = tokens.get(7);

        assertThat(claude.opensSentence()).isTrue();
        assertThat(claude.adjacentToNext()).isTrue(); // "Claude Opus"
        assertThat(tokens.get(2).adjacentToNext()).isFalse(); // "4.5 发布"
        assertThat(tokens.get(1).opensSentence()).isFalse();
        assertThat(qwen.letters()).isEqualTo(6);
        assertThat(qwen.digits()).isEqualTo(1);
        assertThat(qwen.uppers()).isEqualTo(3);
        assertThat(qwen.joined()).isTrue();
        assertThat(MixedText.latin("iPhone DeepSeek OPENAI").stream().map(LatinToken::innerCaps))
                .containsExactly(true, true, false);
    }

    @Test
    void startsAreTheTokensStarts() {
        assertThat(MixedText.latinStarts(MIXED))
                .containsExactly(MixedText.latin(MIXED).stream()
                        .mapToInt(LatinToken::start)
                        .toArray());
    }

    @Test
    void latinLettersBeyondAsciiWhenAsked() {
        assertThat(at(MixedText.latin("café Straße", MixedText.Rules.NAMES)))
                .containsExactly("caf@0", "Stra@5", "e@10");
        assertThat(at(MixedText.latin("café Straße", MixedText.Rules.NAMES.withAnyLatinLetter())))
                .containsExactly("café@0", "Straße@5");
    }

    @Test
    void hanRunsWithTheirOffsets() {
        assertThat(MixedText.hanRuns(MIXED))
                .containsExactly(new MixedText.Run("发布", 16), new MixedText.Run("与", 23), new MixedText.Run("和", 44));
        assertThat(MixedText.hanRuns("𠮷野家 yes")).containsExactly(new MixedText.Run("𠮷野家", 0));
        assertThat(MixedText.hanRuns("Claude")).isEmpty();
    }

    @Test
    void cjkRunsAlsoHoldKana() {
        assertThat(MixedText.hanRuns("新しいモデル")).extracting(MixedText.Run::text).containsExactly("新");
        assertThat(MixedText.cjkRuns("新しいモデル, GPT")).containsExactly(new MixedText.Run("新しいモデル", 0));
    }

    @Test
    void joinersArePunctuation() {
        assertThatThrownBy(() -> MixedText.Rules.NAMES.withJoiners("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
