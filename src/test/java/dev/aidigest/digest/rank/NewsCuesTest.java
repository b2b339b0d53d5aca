package dev.aidigest.digest.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewsCuesTest {

    private final NewsCues cues = NewsCues.standard();

    @Test
    void findsOneMatchPerLineInEnglishAndChinese() {
        assertThat(cues.find("Gen-4.5 is now live for every paid plan. API access next week."))
                .extracting(NewsCues.Match::signal, NewsCues.Match::surface)
                .containsExactly(
                        tuple(News.Signal.WIDER_ROLLOUT, "every paid plan"),
                        tuple(News.Signal.WIDER_ROLLOUT, "now live"),
                        tuple(News.Signal.WIDER_ROLLOUT, "API access"));
        assertThat(cues.find("今天对所有付费用户开放了，价格每秒 25 积分"))
                .extracting(NewsCues.Match::signal)
                .contains(News.Signal.WIDER_ROLLOUT, News.Signal.PRICING);
    }

    @Test
    void matchesLatinCuesAsWholeWordsOnly() {
        assertThat(cues.find("GAME night, freedom, a papery texture")).isEmpty();
        assertThat(cues.find("now GA in all regions"))
                .extracting(NewsCues.Match::surface)
                .containsExactly("GA");
        assertThat(cues.find("50% off through Dec 31"))
                .extracting(NewsCues.Match::surface)
                .containsExactly("% off");
    }

    @Test
    void oneLineIsOneFactWhateverTheLanguage() {
        int english = cues.find("Apache 2.0 licensed").get(0).line();
        assertThat(cues.find("全部开源").get(0).line()).isEqualTo(english);
    }

    @Test
    void refusesALineWithoutAKnownSignal() {
        assertThatThrownBy(() -> NewsCues.parse(List.of("rumour: leak | 爆料")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }
}
