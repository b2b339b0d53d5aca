package dev.aidigest.digest.rank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cue words of news ({@code news-cues.txt} next to this class): each line one thing a post can
 * say (a wider rollout, a price, open weights, a ranking, a paper) in English and Chinese. A line is
 * the unit of comparison: a follow-up's post matching a line the earlier posts did not is news.
 */
final class NewsCues {

    /** One cue found in a text: its line, the words as written, and where. */
    record Match(int line, News.Signal signal, String surface, int start, int end) {}

    /** {@code wordStart}/{@code wordEnd}: the cue begins/ends with a Latin letter or digit, so must a word. */
    private record Cue(int line, News.Signal signal, String lower, boolean wordStart, boolean wordEnd) {}

    private static final Map<String, News.Signal> SIGNALS = Map.of(
            "rollout", News.Signal.WIDER_ROLLOUT,
            "pricing", News.Signal.PRICING,
            "open", News.Signal.OPEN_WEIGHTS,
            "benchmark", News.Signal.BENCHMARK,
            "paper", News.Signal.PAPER);

    private final List<Cue> cues;

    private NewsCues(List<Cue> cues) {
        this.cues = List.copyOf(cues);
    }

    /** The bundled list. */
    static NewsCues standard() {
        String name = "news-cues.txt";
        try (InputStream in = NewsCues.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled word list missing: " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NewsCues parse(List<String> lines) {
        List<Cue> cues = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            News.Signal signal =
                    colon < 0 ? null : SIGNALS.get(line.substring(0, colon).strip());
            if (signal == null) {
                throw new IllegalArgumentException("news cue line " + (n + 1) + " has no known signal: " + line);
            }
            for (String cue : line.substring(colon + 1).split("\\|")) {
                String c = cue.strip().toLowerCase(Locale.ROOT);
                if (!c.isEmpty()) {
                    cues.add(new Cue(n + 1, signal, c, latin(c.charAt(0)), latin(c.charAt(c.length() - 1))));
                }
            }
        }
        return new NewsCues(cues);
    }

    /** Every line {@code text} matches, with its first match, in the order of the lines. */
    List<Match> find(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Match> out = new ArrayList<>();
        int lastLine = -1;
        for (Cue c : cues) {
            if (c.line() == lastLine) {
                continue; // one match per line is enough
            }
            int at = indexOf(lower, c);
            if (at >= 0) {
                out.add(new Match(
                        c.line(),
                        c.signal(),
                        text.substring(at, at + c.lower().length()),
                        at,
                        at + c.lower().length()));
                lastLine = c.line();
            }
        }
        return out;
    }

    /** Where the cue starts; a Latin cue only as whole words ("GA" is not in "GAME", "free" not in "freed"). */
    private static int indexOf(String lower, Cue c) {
        int from = 0;
        while (true) {
            int at = lower.indexOf(c.lower(), from);
            if (at < 0) {
                return -1;
            }
            boolean startOk = !c.wordStart() || at == 0 || !latin(lower.charAt(at - 1));
            int end = at + c.lower().length();
            boolean endOk = !c.wordEnd() || end >= lower.length() || !latin(lower.charAt(end));
            if (startOk && endOk) {
                return at;
            }
            from = at + 1;
        }
    }

    private static boolean latin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }
}
