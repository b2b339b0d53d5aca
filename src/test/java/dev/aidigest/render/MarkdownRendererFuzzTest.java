package dev.aidigest.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Slot;
import dev.aidigest.testing.PostInvariants;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the markdown renderer with whatever headlines, summaries, links, names,
 * categories and engine name (an LLM writes most of them): the page keeps the seeds' shape (front
 * matter of six lines, then per item a numbered line, an indented summary and a blank line), holds
 * no control or bidirectional characters, and every link in it is a safe http(s) link.
 * Runs its seed corpus ({@code MarkdownRendererFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class MarkdownRendererFuzzTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final MarkdownRenderer renderer = new MarkdownRenderer();

    /** The targets of {@code [text](target)}: a {@code ]} escaped by an odd run of backslashes is text. */
    static List<String> linkTargets(String md) {
        List<String> out = new ArrayList<>();
        for (int i = md.indexOf("]("); i >= 0; i = md.indexOf("](", i + 1)) {
            int slashes = 0;
            while (i - slashes > 0 && md.charAt(i - slashes - 1) == '\\') {
                slashes++;
            }
            int end = md.indexOf(')', i + 2);
            if (slashes % 2 == 0 && end > 0) {
                out.add(md.substring(i + 2, end));
            }
        }
        return out;
    }

    @FuzzTest(maxDuration = "15s")
    void anyDigestRendersInTheSeedsShapeWithOnlySafeLinks(FuzzedDataProvider data) {
        boolean offline = data.consumeBoolean();
        String engine = data.consumeString(40);
        List<String> categories = new ArrayList<>();
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            categories.add(data.consumeString(20));
        }
        int n = data.consumeInt(0, 4);
        List<DigestItem> items = new ArrayList<>();
        int linked = 0;
        for (int i = 1; i <= n; i++) {
            List<String> authors = new ArrayList<>();
            for (int a = data.consumeInt(0, 5); a > 0; a--) {
                authors.add(data.consumeString(30));
            }
            String headline = data.consumeString(80);
            String summary = data.consumeString(300);
            String url = data.consumeString(200);
            items.add(
                    new DigestItem(i, "k" + i, headline, summary, url, authors, List.of((long) i), false, 1, offline));
            linked += dev.aidigest.ingest.WebLink.normalize(url) == null ? 0 : 1;
        }
        Digest d = new Digest(
                Slot.parse("2025.11.26.16", SHANGHAI),
                ZonedDateTime.of(2025, 11, 26, 16, 6, 33, 0, SHANGHAI),
                categories,
                items,
                data.consumeInt(0, 1000),
                data.consumeInt(0, 100),
                offline ? LlmUsage.NONE : new LlmUsage(1, 2, 3, 0),
                engine);

        String md = renderer.render(d);

        PostInvariants.clean(md, true);
        List<String> lines = md.lines().toList();
        assertThat(lines.subList(0, 6)).first().isEqualTo("---");
        assertThat(lines.get(5)).isEqualTo("---");
        assertThat(lines.subList(1, 5))
                .allMatch(l -> l.matches("(title|date|categories|summarizer): .*"), "front matter keys");
        List<String> numbered =
                lines.stream().filter(l -> l.matches("\\d+\\. .*")).toList();
        assertThat(numbered).hasSize(n);
        assertThat(lines.stream().filter(l -> l.startsWith("    "))).hasSize(n);
        List<String> targets = linkTargets(String.join("\n", lines.subList(6, lines.size())));
        assertThat(targets).allMatch(t -> PostInvariants.SAFE_LINK.matcher(t).matches(), "safe links");
        assertThat(targets).hasSize(linked);
    }
}
