package dev.aidigest.digest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryModelTest {

    @Test
    void theFastPathGivesTheLogOddsOfTheEvidenceItStandsFor() {
        StoryModel m = StoryModel.bundled();
        Random r = new Random(3);
        for (int k = 0; k < 1000; k++) {
            PairEvidence e = new PairEvidence(
                    (float) (r.nextDouble() * 2 - 1),
                    (float) r.nextDouble(),
                    null,
                    (float) r.nextDouble(),
                    r.nextBoolean(),
                    r.nextBoolean(),
                    r.nextBoolean(),
                    r.nextBoolean(),
                    (float) (r.nextDouble() * 12),
                    r.nextBoolean());
            double fast = m.logit(
                    e.similarity(),
                    e.name(),
                    e.words(),
                    e.lead(),
                    e.clash(),
                    e.sameAuthor(),
                    e.sameLink(),
                    e.hoursApart(),
                    e.crossScript());
            assertThat(fast).isCloseTo(m.logit(e), within(1e-9));
        }
    }

    @Test
    void theBundledModelLinksCloseTellingsAndNotStrangers() {
        StoryModel m = StoryModel.bundled();
        PairEvidence close = new PairEvidence(0.6f, 0.8f, "flux2", 0f, true, false, false, false, 0.5f, false);
        PairEvidence strangers = new PairEvidence(0.05f, 0f, null, 0f, false, false, false, false, 2f, false);
        PairEvidence twoLaunches = new PairEvidence(0.3f, 0f, null, 0f, true, true, false, false, 1f, false);

        assertThat(m.links(close)).isTrue();
        assertThat(m.links(strangers)).isFalse();
        assertThat(m.links(twoLaunches)).as("clashing subjects").isFalse();
    }

    @Test
    void aBrokenModelFileIsRefusedNamingTheKey() {
        String unknown = "bias: -1\nthreshold: 0.5\nweights:\n  similarity: 1\n  colour: 2\n";
        String missing = "bias: -1\nthreshold: 0.5\nweights:\n  similarity: 1\n";
        String badThreshold = missing.replace("0.5", "1.5");

        assertThatThrownBy(() -> parse(unknown))
                .hasMessageContaining("test.yml")
                .hasMessageContaining("'colour'");
        assertThatThrownBy(() -> parse(missing)).hasMessageContaining("'similarity_cross_script' must be a number");
        assertThatThrownBy(() -> parse(badThreshold.replace("  similarity: 1\n", fullWeights())))
                .hasMessageContaining("threshold");
    }

    private static String fullWeights() {
        StringBuilder sb = new StringBuilder();
        PairEvidence.FEATURES.forEach(f -> sb.append("  ").append(f).append(": 1\n"));
        return sb.toString();
    }

    private static StoryModel parse(String yaml) throws Exception {
        return StoryModel.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
