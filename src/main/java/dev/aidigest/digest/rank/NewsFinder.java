package dev.aidigest.digest.rank;

import dev.aidigest.digest.Entities;
import dev.aidigest.digest.PostText;
import dev.aidigest.digest.StoredPost;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a story's new posts say that the posts of the earlier item it continues did not: new figures
 * (compared by value, so a figure retold in the other language is not new), new names, and the
 * {@link NewsCues} lines (a wider rollout, a price, open weights, a ranking, a paper) the earlier
 * posts did not match. Who wrote a post is not news: a retelling by someone new has none.
 */
final class NewsFinder {

    /** Longest clause quoted for a fact, in characters. */
    static final int MAX_CLAUSE = 80;

    private final Names names;
    private final NewsCues cues;

    NewsFinder(Names names, NewsCues cues) {
        this.names = names;
        this.cues = cues;
    }

    /** The news of {@code fresh} against {@code earlier}, in post order, each fact once. */
    List<News> find(List<StoredPost> fresh, List<StoredPost> earlier) {
        Told told = new Told(new HashSet<>(), new HashSet<>(), new HashSet<>(), new StringBuilder());
        for (StoredPost p : earlier) {
            String text = PostText.clean(p.post().text());
            Figures.in(text).forEach(f -> told.figures().add(f.key()));
            cues.find(text).forEach(c -> told.lines().add(c.line()));
            told.names().addAll(names.of(p));
            told.text().append(Entities.canonical(p.post().text())).append('\n');
        }
        List<News> out = new ArrayList<>();
        for (StoredPost p : fresh) {
            String text = PostText.clean(p.post().text());
            figures(text, told, out);
            for (NewsCues.Match c : cues.find(text)) {
                if (told.lines().add(c.line())) {
                    out.add(new News(c.signal(), c.surface(), clause(text, c.start(), c.end())));
                }
            }
            names(p, text, told, out);
        }
        return out;
    }

    private record Told(Set<String> figures, Set<Integer> lines, Set<String> names, StringBuilder text) {}

    /** A post's amounts of money are prices when it talks about pricing ("输出 8 元" after "定价"). */
    private void figures(String text, Told told, List<News> out) {
        boolean pricing = saysPrice(text);
        for (Figures.Figure f : Figures.in(text)) {
            if (!f.substantial() || !told.figures().add(f.key())) {
                continue;
            }
            String clause = clause(text, f.start(), f.end());
            News.Signal signal;
            if (f.rank()) {
                signal = News.Signal.BENCHMARK;
            } else if (f.money() && (f.perUnit() || pricing)) {
                signal = News.Signal.PRICING;
            } else {
                signal = News.Signal.NEW_FIGURES;
            }
            out.add(new News(signal, f.surface(), clause));
        }
    }

    private boolean saysPrice(String text) {
        return cues.find(text).stream().anyMatch(c -> c.signal() == News.Signal.PRICING);
    }

    private void names(StoredPost p, String text, Told told, List<News> out) {
        String known = told.text().toString();
        Set<String> fresh = new HashSet<>();
        for (String key : names.of(p)) {
            if (!told.names().contains(key) && !known.contains(key)) {
                fresh.add(key);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String key : fresh) {
            // "GWM Robotics SDK" also yields "GWM Robotics": report the whole name once
            if (fresh.stream().noneMatch(other -> other.length() > key.length() && other.contains(key))) {
                ordered.add(key);
            }
        }
        ordered.sort((a, b) -> Integer.compare(position(text, a), position(text, b)));
        for (String key : ordered) {
            String surface = Names.surface(text, key);
            int at = text.indexOf(surface);
            out.add(new News(
                    News.Signal.NEW_NAMES, surface, at < 0 ? surface : clause(text, at, at + surface.length())));
        }
        told.names().addAll(fresh);
    }

    private static int position(String text, String key) {
        int at = text.indexOf(Names.surface(text, key));
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /** The clause of {@code text} around {@code [start, end)}, cut to {@value #MAX_CLAUSE} around the fact. */
    static String clause(String text, int start, int end) {
        int from = start;
        while (from > 0 && !boundary(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !boundary(text, to)) {
            to++;
        }
        String whole = text.substring(from, to).strip();
        if (PostText.length(whole) <= MAX_CLAUSE) {
            return whole;
        }
        int room = Math.max(0, (MAX_CLAUSE - (end - start)) / 2);
        int a = Math.max(from, start - room);
        int b = Math.min(to, end + room);
        while (a > from && a < start && latinLetter(text.charAt(a - 1)) && latinLetter(text.charAt(a))) {
            a++; // do not start inside a word
        }
        while (b < to && b > end && latinLetter(text.charAt(b - 1)) && latinLetter(text.charAt(b))) {
            b--;
        }
        return text.substring(a, b).strip();
    }

    private static boolean boundary(String text, int i) {
        char c = text.charAt(i);
        boolean between = i > 0
                && i + 1 < text.length()
                && Character.isDigit(text.charAt(i - 1))
                && Character.isDigit(text.charAt(i + 1));
        if (c == '.' || c == ',') {
            return !between && (c == ',' || i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
        }
        return "，。！？!?；;\n".indexOf(c) >= 0;
    }

    private static boolean latinLetter(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }
}
