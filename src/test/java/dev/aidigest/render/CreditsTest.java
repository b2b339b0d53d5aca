package dev.aidigest.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CreditsTest {

    static final List<String> SEVEN = List.of("宝玉", "向阳乔木", "merve", "clem 🤗", "小互", "Orange AI", "Ben Tossell");

    @Test
    void upToFourNamesAreAllShownAsTheSeedsShowThem() {
        assertThat(Credits.line(List.of())).isEmpty();
        assertThat(Credits.line(List.of("Gary Marcus"))).isEqualTo("Gary Marcus");
        assertThat(Credits.line(List.of("merve", "歸藏(guizang.ai)", "clem 🤗")))
                .isEqualTo("merve / 歸藏(guizang.ai) / clem 🤗");
        assertThat(Credits.line(SEVEN.subList(0, 4))).isEqualTo("宝玉 / 向阳乔木 / merve / clem 🤗");
    }

    @Test
    void moreThanFourShowTheFirstFourAndCountTheRest() {
        assertThat(Credits.line(SEVEN)).isEqualTo("宝玉 / 向阳乔木 / merve / clem 🤗 等 3 位作者");
        assertThat(Credits.line(SEVEN.subList(0, 5))).isEqualTo("宝玉 / 向阳乔木 / merve / clem 🤗 等 1 位作者");
        List<String> many =
                IntStream.rangeClosed(1, 150).mapToObj(i -> "author" + i).toList();
        assertThat(Credits.line(many)).isEqualTo("author1 / author2 / author3 / author4 等 146 位作者");
    }

    @Test
    void onlyTheNamesAreEscaped() {
        List<String> names = List.of("[a]", "b", "c", "d", "e");
        assertThat(Credits.line(names, s -> s.replace("[", "\\[").replace("]", "\\]")))
                .isEqualTo("\\[a\\] / b / c / d 等 1 位作者");
    }
}
