package dev.aidigest.digest.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.jsonl.JsonlParser;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter's own labelled set ({@code src/test/resources/filter/}): noise and real posts in EN
 * and ZH written in the style of AI-news X posts, apart from the evaluation corpus so the rules
 * are not tuned on it alone. Parsed by the real JSON lines parser; each noise line names the
 * reason it must be dropped for, and every real post must be kept. Authors are either accounts of
 * the shipped {@code sources.yml} or accounts that are not followed.
 */
class LabelledNoiseSetTest {

    private static final ObjectMapper JSON = Jackson.json();

    private static final List<StoredPost> posts = new ArrayList<>();
    private static final Map<Long, String> expected = new LinkedHashMap<>();
    private static final Set<Long> news = new HashSet<>();
    private static PostFilter.Result result;

    @BeforeAll
    static void run() {
        load("noise.jsonl");
        load("news.jsonl");
        ConfigLoader loader = new ConfigLoader(Path.of("config"), Map.of());
        PostFilter filter = PostFilter.fromConfigDir(
                Path.of("config"), loader.sources().weights().keySet());
        result = filter.apply(posts);
        Map<Long, String> noise = new LinkedHashMap<>();
        expected.forEach((id, reason) -> noise.put(id, reason));
        System.out.print(FilterScore.of(
                        "own set", posts, noise, news, p -> result.reasons().get(p.id()))
                .report());
    }

    @Test
    void holdsAtLeastFortyNoiseAndFortyRealPostsInBothLanguages() {
        assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
        assertThat(news).hasSizeGreaterThanOrEqualTo(40);
        assertThat(posts)
                .filteredOn(p -> p.post().text().codePoints().anyMatch(PostFeatures::isHan))
                .hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void dropsEveryNoisePostForItsReason() {
        Map<Long, String> got = new LinkedHashMap<>();
        expected.keySet()
                .forEach(id -> got.put(id, String.valueOf(result.reasons().get(id))));
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void keepsEveryRealPost() {
        assertThat(result.kept()).extracting(StoredPost::id).containsAll(news);
    }

    private static void load(String name) {
        byte[] bytes;
        try (InputStream in = LabelledNoiseSetTest.class.getResourceAsStream("/filter/" + name)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Post> parsed = new JsonlParser().parse(bytes).posts();
        List<String> lines = new String(bytes, StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        for (int i = 0; i < parsed.size(); i++) {
            long id = posts.size() + 1;
            posts.add(new StoredPost(id, parsed.get(i), null));
            JsonNode label = read(lines.get(i));
            if ("noise".equals(label.path("label").asText())) {
                expected.put(id, label.path("reason").asText());
            } else {
                news.add(id);
            }
        }
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
