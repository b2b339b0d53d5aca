package dev.aidigest.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.FuzzedReplies;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplySplitterTest {

    @Test
    void aCutNeverSplitsAnEmoji() {
        String text = "a" + "😀".repeat(2000);

        List<String> pieces = ReplySplitter.cut(text, 1800);

        assertThat(pieces).hasSize(3).allSatisfy(p -> assertThat(FuzzedReplies.loneSurrogate(p))
                .isEqualTo(-1));
        assertThat(pieces.get(0)).hasSize(1799);
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void clipKeepsAtMostTheCharsAskedWithoutHalfAnEmoji() {
        assertThat(ReplySplitter.clip("ab😀", 3)).isEqualTo("ab");
        assertThat(ReplySplitter.clip("ab😀", 4)).isEqualTo("ab😀");
        assertThat(ReplySplitter.clip("abc", 2)).isEqualTo("ab");
    }
}
