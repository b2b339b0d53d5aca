package dev.aidigest.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BgeTokensTest {

    @Test
    void cutsLongTextsAtTheModelsPositionsKeepingClsAndSep() throws Exception {
        try (InputStream json = getClass().getClassLoader().getResourceAsStream(BgeEmbedder.TOKENIZER_FILE);
                BgeTokens tokens = new BgeTokens(json)) {
            long[] ids = tokens.ids("深度学习".repeat(200));

            assertThat(ids).hasSize(BgeTokens.MAX_TOKENS);
            assertThat(ids[0]).isEqualTo(101L);
            assertThat(ids[ids.length - 1]).isEqualTo(102L);
            assertThat(tokens.ids("")).containsExactly(101L, 102L);
        }
    }

    @Test
    void clipsLongTextsWithoutSplittingASurrogatePair() {
        String text = "x".repeat(BgeTokens.MAX_CHARS - 1) + "🤗tail";

        assertThat(BgeTokens.clip(text)).hasSize(BgeTokens.MAX_CHARS - 1);
        assertThat(BgeTokens.clip("x".repeat(600))).hasSize(BgeTokens.MAX_CHARS);
        assertThat(BgeTokens.clip("short")).isEqualTo("short");
        assertThat(BgeTokens.clip(null)).isEmpty();
    }
}
