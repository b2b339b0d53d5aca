package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.App;
import dev.aidigest.Wiring;
import dev.aidigest.digest.Slot;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.x.XApiV2Parser;
import dev.aidigest.json.Jackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digest --explain} through the CLI in-process, on a labelled eval window imported with the
 * real parser, embedder and H2 store, after the previous window's digest was built and stored (so the
 * repeat guard has earlier items): every post accounted for once, the filter's reasons, the links.
 */
class DigestExplainCommandTest {

    private static final String SLOT = "2025.12.03.12";
    private static final String PREVIOUS = "2025.12.03.08";
    private static final Path EVAL = Path.of("src/test/resources/eval");
    private static final ObjectMapper JSON = Jackson.json();

    @TempDir
    static Path dir;

    /** The posts of the evaluated file inside the slot's window, by platform id. */
    static Map<String, Post> inWindow;

    static JsonNode explained;

    record Run(int code, String stdout, String stderr) {}

    @BeforeAll
    static void importAndExplain() throws IOException {
        assertThat(cli("import", EVAL.resolve("window-" + PREVIOUS + ".json").toString())
                        .code())
                .isZero();
        assertThat(cli("digest", "--at", PREVIOUS, "--out", dir.resolve("site").toString())
                        .code())
                .isZero();
        assertThat(cli("import", EVAL.resolve("window-" + SLOT + ".json").toString())
                        .code())
                .isZero();
        Slot slot = Slot.parse(SLOT, ZoneId.of("Asia/Shanghai"));
        inWindow = new HashMap<>();
        for (Post p : new XApiV2Parser(Map.of())
                .parse(Files.readAllBytes(EVAL.resolve("window-" + SLOT + ".json")))
                .posts()) {
            if (!p.createdAt().isBefore(slot.windowStart()) && p.createdAt().isBefore(slot.windowEnd())) {
                inWindow.put(p.platformId(), p);
            }
        }
        Run r = cli("digest", "--at", SLOT, "--explain", "--json");
        assertThat(r.code()).as(r.stderr()).isZero();
        explained = JSON.readTree(r.stdout());
    }

    @Test
    void accountsForEveryPostOfTheWindowExactlyOnce() {
        List<String> shown = new ArrayList<>();
        explained.get("stories").forEach(s -> s.get("posts")
                .forEach(p -> shown.add(p.get("platform_id").asText())));
        explained.get("dropped").forEach(p -> shown.add(p.get("platform_id").asText()));

        assertThat(inWindow).hasSizeGreaterThan(90);
        assertThat(shown).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inWindow.keySet());
        assertThat(explained.at("/counts/posts").asInt()).isEqualTo(inWindow.size());
        assertThat(explained.get("slot").asText()).isEqualTo(SLOT);
        assertThat(explained.get("engine").asText()).isEqualTo("offline");
    }

    @Test
    void aDroppedRetweetSaysRetweet() {
        Map<String, String> reasons = new HashMap<>();
        explained
                .get("dropped")
                .forEach(p -> reasons.put(
                        p.get("platform_id").asText(), p.get("reason").asText()));
        List<String> retweets = inWindow.values().stream()
                .filter(Post::isRetweet)
                .map(Post::platformId)
                .toList();

        assertThat(retweets).isNotEmpty();
        assertThat(retweets).allSatisfy(id -> assertThat(reasons).containsEntry(id, "RETWEET"));
        assertThat(explained.at("/counts/dropped/RETWEET").asInt()).isEqualTo(retweets.size());
    }

    @Test
    void aMultiAuthorStoryShowsEachPostWithTheLinksThatJoinedIt() {
        JsonNode bun = storyOf("1996007514902103085"); // Anthropic acquires Bun, told by several accounts
        Set<String> handles = new HashSet<>();
        bun.get("posts").forEach(p -> handles.add(p.get("handle").asText().toLowerCase()));
        assertThat(handles).hasSizeGreaterThan(2);
        // each post is joined by the model's links, or is part of a unit (a quote, a thread) that is
        assertThat(bun.get("posts")).allSatisfy(p -> assertThat(p.get("joined_by"))
                .isNotEmpty()
                .allSatisfy(j -> assertThat(j.get("kind").asText()).isIn("model", "quote", "quoted_by", "thread")));
        assertThat(bun.get("posts")).anySatisfy(p -> assertThat(p.get("joined_by"))
                .anySatisfy(j -> assertThat(j.get("kind").asText()).isEqualTo("model")));

        double threshold = explained.get("threshold").asDouble();
        for (JsonNode s : explained.get("stories")) {
            Set<Long> ids = new HashSet<>();
            Set<Long> units = new HashSet<>();
            s.get("posts").forEach(p -> {
                ids.add(p.get("id").asLong());
                units.add(p.get("unit").asLong());
            });
            for (JsonNode p : s.get("posts")) {
                boolean unitLead = p.get("unit").asLong() == p.get("id").asLong();
                // a story of one thread or quote group: its first post has nothing joining it
                if (units.size() > 1 || !unitLead) {
                    assertThat(p.get("joined_by"))
                            .as("joins of post %s", p.get("id"))
                            .isNotEmpty();
                }
                for (JsonNode j : p.get("joined_by")) {
                    assertThat(ids).contains(j.get("post").asLong());
                    if (unitLead) {
                        assertThat(j.get("kind").asText()).isEqualTo("model");
                    } else {
                        assertThat(j.get("kind").asText()).isIn("thread", "quote", "quoted_by");
                    }
                    if (j.get("kind").asText().equals("model")) {
                        assertThat(j.get("probability").asDouble()).isGreaterThanOrEqualTo(threshold);
                        assertThat(j.get("evidence").asText()).startsWith("similarity ");
                        assertThat(j.at("/features/similarity").isNumber()).isTrue();
                    } else {
                        assertThat(j.get("probability").isNull()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyStoryHasAnOutcomeAndItsScoreIsTheSumOfItsParts() {
        int items = 0;
        for (JsonNode s : explained.get("stories")) {
            JsonNode parts = s.get("score_parts");
            double sum = parts.get("engagement").asDouble()
                    + parts.get("authors").asDouble()
                    + parts.get("account_weight").asDouble()
                    + parts.get("recency").asDouble();
            assertThat(sum).isCloseTo(s.get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
            String outcome = s.get("outcome").asText();
            assertThat(outcome).isIn("item", "not_picked", "repeat");
            assertThat(s.get("item").isNull()).isEqualTo(!outcome.equals("item"));
            items += outcome.equals("item") ? 1 : 0;
        }
        assertThat(items).isEqualTo(explained.at("/counts/items").asInt()).isGreaterThan(5);
    }

    @Test
    void theTextOfOnePostSaysWhatHappenedToIt() {
        String retweet = inWindow.values().stream()
                .filter(Post::isRetweet)
                .findFirst()
                .orElseThrow()
                .platformId();
        JsonNode second = null;
        for (JsonNode p : storyOf("1996007514902103085").get("posts")) {
            if (second == null && p.get("joined_by").findValuesAsText("kind").contains("model")) {
                second = p;
            }
        }
        Run dropped = cli("digest", "--at", SLOT, "--explain", "--post", retweet);
        Run joined = cli(
                "digest", "--at", SLOT, "--explain", "--post", second.get("url").asText());

        assertThat(dropped.code()).as(dropped.stderr()).isZero();
        assertThat(dropped.stdout())
                .contains("Dropped by the filter", "RETWEET (1)", retweet)
                .doesNotContain("Story #");
        assertThat(joined.code()).as(joined.stderr()).isZero();
        assertThat(joined.stdout())
                .containsOnlyOnce("Story #")
                .contains("item ", "post " + second.get("id").asLong() + " @", "joined with post ", "score ")
                .doesNotContain("Dropped by the filter");
    }

    @Test
    void explainingStoresNothing() {
        try (Wiring w = Wiring.create(Path.of("config"), dir.resolve("data"), Map.of())) {
            assertThat(w.digests().markdown(SLOT)).isEmpty();
            assertThat(w.digests().markdown(PREVIOUS)).isPresent();
        }
        assertThat(dir.resolve("site/content/posts/" + SLOT + ".md")).doesNotExist();
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        Run empty = cli("digest", "--at", "2025.11.01.12", "--explain");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.stderr().lines().filter(l -> l.startsWith("ai-digest:")))
                .singleElement()
                .asString()
                .contains("no posts in the window of slot 2025.11.01.12");
        assertThat(cli("digest", "--at", SLOT, "--json").code()).isEqualTo(2);
        assertThat(cli("digest", "--at", SLOT, "--explain", "--publish").code()).isEqualTo(2);
        assertThat(cli("digest", "--at", SLOT, "--explain", "--post", "no-such-post")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void helpSaysExplainStoresNothingAndCallsNoLlm() {
        Run help = cli("digest", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.stdout().replaceAll("\\s+", " "))
                .contains("--explain", "--json", "--post=ID", "stores and publishes nothing", "never calls an LLM");
    }

    private static JsonNode storyOf(String platformId) {
        for (JsonNode s : explained.get("stories")) {
            for (JsonNode p : s.get("posts")) {
                if (p.get("platform_id").asText().equals(platformId)) {
                    return s;
                }
            }
        }
        throw new AssertionError("post " + platformId + " is in no story");
    }

    private static Run cli(String... args) {
        List<String> all = new ArrayList<>(
                List.of("--config", "config", "--data", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = App.run(all.toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
