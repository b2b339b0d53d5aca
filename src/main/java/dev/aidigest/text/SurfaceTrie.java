package dev.aidigest.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every surface form in one trie over folded text ({@link Folding}), walked from each position
 * where a surface can start: a position whose character begins no surface costs one array read, so
 * a tweet costs a few microseconds however many surfaces there are. Latin surfaces need a word
 * boundary on each Latin end; Chinese ones match anywhere. A surface ending in a letter may be
 * followed by a version number ({@code Qwen} in {@code Qwen3}); one ending in a digit may not
 * ({@code GPT-4} is not in {@code GPT-4.5} nor {@code GPT-40}).
 */
final class SurfaceTrie {

    /** Entity index of an excepted word: it wins its span like a name, then matches nothing. */
    static final int EXCEPTED = -1;

    /** A surface as written: whose it is, and whether it only matches in exactly this case. */
    record Surface(String text, int entity, boolean cased) {}

    /** A match in folded coordinates, {@code to} exclusive. */
    record Hit(int from, int to, int entity) {
        int length() {
            return to - from;
        }

        boolean overlaps(Hit o) {
            return from < o.to && o.from < to;
        }
    }

    private static final Comparator<Hit> LONGEST_FIRST =
            Comparator.comparingInt(Hit::length).reversed().thenComparingInt(Hit::from);

    /** What ends at a node: an entity (or {@link #EXCEPTED}), in any case or only in the listed forms. */
    private static final class Terminal {
        final int entity;
        boolean anyCase;
        final List<char[]> exact = new ArrayList<>();

        Terminal(int entity) {
            this.entity = entity;
        }
    }

    private final int[] root = new int[Character.MAX_VALUE + 1];
    /** Bit per character that begins some surface: 8 KiB, read for every character of the text. */
    private final long[] starts = new long[(Character.MAX_VALUE + 1) / 64];

    private final int[] edgeStart;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final Terminal[] terminal;

    SurfaceTrie(List<Surface> surfaces) {
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        List<Terminal> ends = new ArrayList<>();
        children.add(new TreeMap<>());
        ends.add(null);
        for (Surface s : surfaces) {
            String lower = Folding.fold(s.text(), false);
            String exact = Folding.fold(s.text(), true);
            for (int[] v : variants(lower)) {
                int node = 0;
                for (int c : v) {
                    Integer next = children.get(node).get((char) c);
                    if (next == null) {
                        next = children.size();
                        children.get(node).put((char) c, next);
                        children.add(new TreeMap<>());
                        ends.add(null);
                    }
                    node = next;
                }
                Terminal t = ends.get(node);
                if (t == null) {
                    t = new Terminal(s.entity());
                    ends.set(node, t);
                }
                if (s.cased()) {
                    t.exact.add(applyVariant(exact, lower, v));
                } else {
                    t.anyCase = true;
                }
            }
        }
        Arrays.fill(root, -1);
        children.get(0).forEach((c, n) -> {
            root[c] = n;
            starts[c >> 6] |= 1L << c;
        });
        int nodes = children.size();
        edgeStart = new int[nodes + 1];
        int edges = children.stream().mapToInt(Map::size).sum();
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        int e = 0;
        for (int n = 0; n < nodes; n++) {
            edgeStart[n] = e;
            for (Map.Entry<Character, Integer> en : children.get(n).entrySet()) {
                edgeChar[e] = en.getKey();
                edgeTarget[e++] = en.getValue();
            }
        }
        edgeStart[nodes] = e;
        terminal = ends.toArray(new Terminal[0]);
    }

    /**
     * A surface with a letter then a digit matches with or without a separator between them:
     * {@code Wan2.2}, {@code Wan 2.2} and {@code Wan-2.2} are one name. Returns the folded code points.
     */
    private static List<int[]> variants(String folded) {
        List<int[]> out = new ArrayList<>();
        out.add(folded.chars().toArray());
        for (int i = 1; i < folded.length() && out.size() < 8; i++) {
            char p = folded.charAt(i - 1);
            char c = folded.charAt(i);
            boolean joined = Character.isLetter(p) && Character.isDigit(c) && !Folding.isCjk(p);
            boolean spaced = c == Folding.SEP
                    && Character.isLetter(p)
                    && !Folding.isCjk(p)
                    && i + 1 < folded.length()
                    && Character.isDigit(folded.charAt(i + 1));
            if (joined || spaced) {
                List<int[]> more = new ArrayList<>();
                for (int[] v : out) {
                    more.add(toggleSeparator(v, folded, i, joined));
                }
                out.addAll(more);
            }
        }
        return out;
    }

    /** {@code v} with a separator put in (joined) or taken out (spaced) at the spot {@code i} of {@code folded}. */
    private static int[] toggleSeparator(int[] v, String folded, int i, boolean joined) {
        // v may already differ in length before i: find the same spot by counting from the end
        int fromEnd = folded.length() - i;
        int at = v.length - fromEnd;
        if (joined) {
            int[] out = new int[v.length + 1];
            System.arraycopy(v, 0, out, 0, at);
            out[at] = Folding.SEP;
            System.arraycopy(v, at, out, at + 1, v.length - at);
            return out;
        }
        int[] out = new int[v.length - 1];
        System.arraycopy(v, 0, out, 0, at);
        System.arraycopy(v, at + 1, out, at, v.length - at - 1);
        return out;
    }

    /** The case-kept form laid out like the variant {@code v} of {@code lower}. */
    private static char[] applyVariant(String exact, String lower, int[] v) {
        char[] out = new char[v.length];
        int j = 0;
        for (int k = 0; k < v.length; k++) {
            if (v[k] == Folding.SEP && (j >= lower.length() || lower.charAt(j) != Folding.SEP)) {
                out[k] = Folding.SEP; // a separator this variant added
                continue;
            }
            if (v[k] != Folding.SEP && j < lower.length() && lower.charAt(j) == Folding.SEP) {
                j++; // a separator this variant removed
            }
            out[k] = exact.charAt(j++);
        }
        return out;
    }

    private int child(int node, char c) {
        int i = Arrays.binarySearch(edgeChar, edgeStart[node], edgeStart[node + 1], c);
        return i >= 0 ? edgeTarget[i] : -1;
    }

    /** Folded text and where each folded character came from. */
    @SuppressWarnings("ArrayRecordComponent") // a scratch result, never compared
    record Folded(String original, char[] chars, int[] at, int length) {
        static Folded of(String text) {
            char[] out = new char[text.length()];
            int[] at = new int[text.length()];
            return new Folded(text, out, at, Folding.fold(text, false, out, at));
        }
    }

    /** Every surface and excepted word in the text, overlapping ones included. */
    List<Hit> hits(Folded f) {
        char[] t = f.chars();
        int n = f.length();
        List<Hit> out = null;
        for (int i = 0; i < n; i++) {
            char c = t[i];
            if ((starts[c >> 6] & 1L << c) == 0 || i > 0 && Folding.isWord(c) && Folding.isWord(t[i - 1])) {
                continue; // most characters start no surface; a Latin one inside a word never does
            }
            int node = root[c];
            int j = i;
            while (true) {
                Terminal end = terminal[node];
                if (end != null && endsWell(t, n, j + 1) && caseFits(end, f, i, j + 1)) {
                    if (out == null) {
                        out = new ArrayList<>(4);
                    }
                    out.add(new Hit(i, j + 1, end.entity));
                }
                if (++j >= n || (node = child(node, t[j])) < 0) {
                    break;
                }
            }
        }
        return out == null ? List.of() : out;
    }

    private static boolean endsWell(char[] t, int n, int to) {
        char last = t[to - 1];
        if (!Folding.isWord(last) || to == n) {
            return true;
        }
        char next = t[to];
        boolean lastDigit = Character.isDigit(last);
        if (!Folding.isWord(next)) {
            // "GPT-4" ends at "GPT-4," but not inside "GPT-4.5"
            return !(lastDigit && next == '.' && to + 1 < n && Character.isDigit(t[to + 1]));
        }
        return !lastDigit && Character.isDigit(next); // a version after a name: Qwen3, Gemini2.5
    }

    private static boolean caseFits(Terminal end, Folded f, int from, int to) {
        if (end.anyCase) {
            return true;
        }
        for (char[] form : end.exact) {
            if (form.length == to - from && sameCase(form, f, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameCase(char[] form, Folded f, int from) {
        for (int k = 0; k < form.length; k++) {
            if (form[k] != Folding.SEP && Folding.width(f.original().charAt(f.at()[from + k])) != form[k]) {
                return false;
            }
        }
        return true;
    }

    /** Longest first, then leftmost; a hit overlapping one already taken is dropped. Excepted words included. */
    static List<Hit> longestFirst(List<Hit> hits) {
        if (hits.size() <= 1) {
            return hits;
        }
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(LONGEST_FIRST);
        List<Hit> taken = new ArrayList<>(sorted.size());
        for (Hit h : sorted) {
            if (taken.stream().noneMatch(h::overlaps)) {
                taken.add(h);
            }
        }
        taken.sort(Comparator.comparingInt(Hit::from));
        return taken;
    }
}
