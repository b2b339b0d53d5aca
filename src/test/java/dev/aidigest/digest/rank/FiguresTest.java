package dev.aidigest.digest.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static List<String> keys(String text) {
        return Figures.in(text).stream()
                .filter(Figures.Figure::substantial)
                .map(Figures.Figure::key)
                .toList();
    }

    private static List<String> surfaces(String text) {
        return Figures.in(text).stream()
                .filter(Figures.Figure::substantial)
                .map(Figures.Figure::surface)
                .toList();
    }

    @Test
    void oneFigureHasOneValueInEitherLanguage() {
        assertThat(keys("400K context, 128K output")).containsExactly("400000", "128000");
        assertThat(keys("40 万上下文，最大输出 12.8 万")).containsExactly("400000", "128000");
        assertThat(keys("Disney invests $1B")).isEqualTo(keys("迪士尼投资 10 亿美元"));
        assertThat(keys("41.0% on HLE")).isEqualTo(keys("HLE 41%"));
    }

    @Test
    void keepsTheUnitAndWhatItIsPer() {
        assertThat(surfaces("$0.27/M input, 25 credits/sec, ~230 ms, ships Dec 31"))
                .containsExactly("$0.27/M", "25 credits/sec", "230 ms", "Dec 31");
        assertThat(Figures.in("25 credits/sec").get(0).perUnit()).isTrue();
        assertThat(Figures.in("$1.75 / $14").get(0).money()).isTrue();
    }

    @Test
    void digitsOfNamesAndVersionsAreNotFigures() {
        assertThat(surfaces("GPT-5.2 beats Trainium3 on H200 and Gen-4.5")).isEmpty();
        assertThat(surfaces("It is worse than Veo 3.1 and Claude Opus 4.5 at 70.9%"))
                .containsExactly("70.9%");
        assertThat(surfaces("In 2025 we saw 930 threads")).containsExactly("2025", "930");
    }

    @Test
    void aLoneSmallNumberIsNotSubstantial() {
        assertThat(surfaces("1. works well\n2. tried it 3 times")).isEmpty();
        assertThat(surfaces("Ministral 3 3B")).containsExactly("3B");
    }

    @Test
    void ranksAreRanks() {
        assertThat(Figures.in("debuts at #2 on LMArena")).singleElement().satisfies(f -> {
            assertThat(f.rank()).isTrue();
            assertThat(f.key()).isEqualTo("2");
        });
        assertThat(Figures.in("在 LMArena 排第 2，视频榜第一"))
                .extracting(Figures.Figure::key)
                .containsExactly("2", "1");
    }
}
