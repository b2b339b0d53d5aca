package dev.aidigest.digest.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.ConfigLoader;
import dev.aidigest.config.SourcesConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter on the evaluation corpus's six labelled windows (three evaluated, each with the
 * window before it), with the shipped config: it prints, per window, noise dropped out of all
 * noise and story posts lost out of all story posts, with every miss.
 */
class FilterEvalTest {

    private static final List<FilterScore> scores = new ArrayList<>();

    @BeforeAll
    static void run() {
        ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
        SourcesConfig sources = loader.sources();
        PostFilter filter =
                PostFilter.fromConfigDir(Path.of("config"), sources.weights().keySet());
        for (EvalWindow w : EvalWindow.all(sources.displayNames())) {
            PostFilter.Result r = filter.apply(w.posts());
            scores.add(FilterScore.of(
                    w.slot(), w.posts(), w.noise(), w.story(), p -> r.reasons().get(p.id())));
        }
        scores.forEach(s -> System.out.print(s.report()));
    }

    @Test
    void losesNoStoryPost() {
        assertThat(scores)
                .allSatisfy(s -> assertThat(s.storyLost()).as(s.name()).isEmpty());
    }

    @Test
    void dropsNearlyAllNoise() {
        int noise = scores.stream().mapToInt(FilterScore::noise).sum();
        int dropped = scores.stream().mapToInt(FilterScore::noiseDropped).sum();
        assertThat(noise).isGreaterThan(150);
        assertThat(dropped).as("noise dropped of %d", noise).isGreaterThanOrEqualTo(noise * 95 / 100);
    }
}
