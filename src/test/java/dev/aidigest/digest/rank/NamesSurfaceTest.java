package dev.aidigest.digest.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.Entities;
import org.junit.jupiter.api.Test;

/** How a name's key is found back as the post wrote it, for the follow-up line ("新增：Claude Opus 4.5"). */
class NamesSurfaceTest {

    @Test
    void findsTheWrittenFormOfAKeyAcrossWordsAndJoiners() {
        String text = "Anthropic 发布 Claude Opus 4.5，C++ 和 gpt-4o-mini 也能调用；O'Reilly 的书评 FLUX.2";
        assertThat(Names.surface(text, Entities.canonical("Claude Opus 4.5"))).isEqualTo("Claude Opus 4.5");
        assertThat(Names.surface(text, Entities.canonical("gpt-4o-mini"))).isEqualTo("gpt-4o-mini");
        assertThat(Names.surface(text, Entities.canonical("C++"))).isEqualTo("C++");
        assertThat(Names.surface(text, Entities.canonical("O'Reilly"))).isEqualTo("O'Reilly");
        assertThat(Names.surface(text, Entities.canonical("FLUX.2"))).isEqualTo("FLUX.2");
    }
}
