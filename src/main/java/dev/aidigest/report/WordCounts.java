package dev.aidigest.report;

import dev.aidigest.digest.PostText;
import dev.aidigest.digest.WordLists;
import dev.aidigest.text.Aliases;
import dev.aidigest.text.Jieba;
import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word frequencies for the word cloud. Product and model names stay whole ({@code FLUX.2},
 * {@code Nano Banana Pro}, {@code Claude Opus 4.5}): runs of capitalised or versioned Latin words are
 * taken as one name before anything is split, and a shorter name inside a longer one counts for the
 * longer one. Chinese is segmented by jieba; Chinese and English stop words, links and mentions are
 * left out.
 *
 * <p>The names of one entity ({@link Aliases}) are one word: {@code 英伟达} and {@code Nvidia} count
 * together and show as the form the texts write most. A Chinese alias counts wherever it is found; a
 * Latin one only where it is the whole name run ({@code Claude} alone, but {@code Claude Opus 4.5} stays
 * the longer name).
 */
public final class WordCounts {

    /** A word and how often it occurs; {@code name} marks a product or model name. */
    public record Word(String text, int count, boolean name) {}

    private static final int MAX_NAME_WORDS = 4;

    private final Set<String> stopEn;
    private final Set<String> stopZh;
    private final Set<String> terms;
    private final Aliases aliases;

    /**
     * @param terms lower-case English words worth a place in the cloud when written in lower case
     *              ({@code model}, {@code agent}); capitalised words and names need no list
     */
    WordCounts(Set<String> stopEn, Set<String> stopZh, Set<String> terms, Aliases aliases) {
        this.stopEn = Set.copyOf(stopEn);
        this.stopZh = Set.copyOf(stopZh);
        this.terms = Set.copyOf(terms);
        this.aliases = aliases;
    }

    /** The bundled stop word lists and aliases. */
    public static WordCounts standard() {
        return standard(Aliases.bundled());
    }

    /** The bundled stop word lists (English from the digest's list plus web noise; Chinese from the report's). */
    public static WordCounts standard(Aliases aliases) {
        Set<String> en = new HashSet<>(WordLists.load("stopwords-en.txt"));
        en.addAll(List.of(
                "https", "http", "www", "com", "amp", "rt", "via", "just", "like", "get", "got", "one", "now", "new",
                "today", "really", "still", "even", "much", "many", "lot", "way", "thing", "things", "make", "made",
                "use", "used", "using", "see", "here", "there", "what", "when", "it's", "i'm", "don't", "can't",
                "that's", "you're", "we're"));
        Set<String> terms = new HashSet<>(WordLists.load("ai-terms.txt"));
        terms.addAll(List.of(
                "video",
                "image",
                "voice",
                "open",
                "weights",
                "benchmark",
                "inference",
                "compute",
                "chip",
                "gpu",
                "paper"));
        terms.removeIf(t -> !t.matches("[a-z][a-z0-9.\\-]*"));
        return new WordCounts(en, WordLists.load("/dev/aidigest/report/stopwords-zh.txt"), terms, aliases);
    }

    /** The {@code max} most frequent words of the texts, most frequent first (ties alphabetical). */
    public List<Word> count(List<String> texts, int max) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (String raw : texts) {
            String cleaned = PostText.clean(raw).replaceAll("@\\w+", " ");
            Map<Long, String> latinNames = new HashMap<>();
            String text = countChineseNames(cleaned, latinNames, counts, forms, names);
            for (MixedText.Run run : nameRuns(text)) {
                latin(run.text(), run.start(), latinNames, counts, forms, names);
            }
            for (MixedText.Run h : MixedText.hanRuns(text)) {
                // jieba loads its dictionary when first asked: only when a report is made
                for (String w : Jieba.segmenter().sentenceProcess(h.text())) {
                    if (w.length() >= 2 && !stopZh.contains(w)) {
                        add(w, w, counts, forms);
                    }
                }
            }
        }
        foldShorterNames(counts, names);
        List<Word> out = new ArrayList<>();
        counts.forEach((key, n) -> out.add(new Word(display(forms.get(key)), n, names.contains(key))));
        out.sort(Comparator.comparingInt(Word::count).reversed().thenComparing(Word::text));
        return out.subList(0, Math.min(max, out.size()));
    }

    /**
     * Counts each alias that has a Chinese character under its entity and blanks it out, so jieba does
     * not count it again; remembers where the Latin-only ones are ({@link #span}) for {@link #latin}.
     */
    private String countChineseNames(
            String text,
            Map<Long, String> latinNames,
            Map<String, Integer> counts,
            Map<String, Map<String, Integer>> forms,
            Set<String> names) {
        List<Aliases.Match> found = aliases.find(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder rest = new StringBuilder(text);
        for (Aliases.Match n : found) {
            String written = text.substring(n.start(), n.end());
            if (written.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                latinNames.put(span(n.start(), n.end()), n.id());
                continue;
            }
            addEntity(n.id(), written, counts, forms, names);
            for (int i = n.start(); i < n.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        return rest.toString();
    }

    private static long span(int start, int end) {
        return (long) start << 32 | end;
    }

    private void addEntity(
            String id,
            String written,
            Map<String, Integer> counts,
            Map<String, Map<String, Integer>> forms,
            Set<String> names) {
        String key = "entity:" + id;
        add(key, written, counts, forms);
        aliases.entity(id)
                .filter(e -> e.kind() == Aliases.Kind.PRODUCT || e.kind() == Aliases.Kind.MODEL)
                .ifPresent(e -> names.add(key));
    }

    private void latin(
            String run,
            int at,
            Map<Long, String> latinNames,
            Map<String, Integer> counts,
            Map<String, Map<String, Integer>> forms,
            Set<String> names) {
        List<String> words = new ArrayList<>(List.of(run.split(" ")));
        // "Introducing Claude Opus 4.5": the name starts after the sentence's opening word
        while (!words.isEmpty()
                && (stopEn.contains(words.get(0).toLowerCase(Locale.ROOT))
                        || words.size() > 1 && plainLowerCase(words.get(0)))) {
            at += words.remove(0).length() + 1;
        }
        if (words.isEmpty()) {
            return;
        }
        String whole = String.join(" ", words);
        String entity = latinNames.get(span(at, at + whole.length()));
        if (entity != null) {
            addEntity(entity, whole, counts, forms, names); // "Jensen Huang", "Nvidia": the run is the alias
            return;
        }
        if (words.size() > 1 && words.size() <= MAX_NAME_WORDS) {
            String name = whole;
            add(name.toLowerCase(Locale.ROOT), name, counts, forms);
            names.add(name.toLowerCase(Locale.ROOT));
            return;
        }
        for (String w : words) {
            int wordAt = at;
            at += w.length() + 1;
            String alias = latinNames.get(span(wordAt, wordAt + w.length()));
            if (alias != null) {
                addEntity(alias, w, counts, forms, names);
                continue;
            }
            String key = w.toLowerCase(Locale.ROOT);
            boolean versioned = w.matches(".*[A-Za-z].*") && w.matches(".*\\d.*") || w.matches(".*[.\\-].*");
            boolean capitalised = Character.isUpperCase(w.charAt(0));
            if (!capitalised && !versioned) {
                // plain English words only when they are AI terms: "models" and "model" are one word, "never" none
                String singular = key.endsWith("s") && terms.contains(key.substring(0, key.length() - 1))
                        ? key.substring(0, key.length() - 1)
                        : key;
                if (terms.contains(singular)) {
                    add(singular, singular, counts, forms);
                }
                continue;
            }
            if (key.length() >= 3 && !stopEn.contains(key) && !key.matches("\\d.*") || versioned && key.length() >= 2) {
                add(key, w, counts, forms);
                boolean shouted = w.chars().noneMatch(Character::isLowerCase)
                        && w.chars().noneMatch(Character::isDigit); // "HACKED"
                if (versioned || capitalised && !shouted && w.chars().skip(1).anyMatch(Character::isUpperCase)) {
                    names.add(key);
                }
            }
        }
    }

    /**
     * A word before a capitalised name that is no part of it: "open-sources Kimi K2", and the "s" of
     * "NVIDIA's Jensen Huang" where the run starts after the apostrophe. Names start with a capital,
     * a digit or an inner capital (iPhone).
     */
    private static boolean plainLowerCase(String word) {
        return word.chars().noneMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    /** "Opus 4.5" inside "Claude Opus 4.5" counts for the longer name when the longer one is frequent enough. */
    private static void foldShorterNames(Map<String, Integer> counts, Set<String> names) {
        List<String> multi = names.stream()
                .filter(n -> n.contains(" "))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String shorter : multi) {
            for (String longer : multi) {
                if (longer.length() > shorter.length()
                        && (" " + longer + " ").contains(" " + shorter + " ")
                        && counts.containsKey(shorter)
                        && counts.containsKey(longer)
                        && counts.get(longer) * 2 >= counts.get(shorter)) {
                    counts.merge(longer, counts.remove(shorter), Integer::sum);
                    break;
                }
            }
        }
    }

    private static void add(
            String key, String form, Map<String, Integer> counts, Map<String, Map<String, Integer>> forms) {
        counts.merge(key, 1, Integer::sum);
        forms.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(form, 1, Integer::sum);
    }

    /** The spelling used most often ("FLUX.2" over "Flux.2"), the first seen on a tie. */
    private static String display(Map<String, Integer> forms) {
        return forms.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("");
    }

    /**
     * Runs of Latin words that may be one name, from the {@link MixedText#latin} tokens: a word from
     * its first letter ({@code flash} of {@code 2.5-flash}: a figure opens no name) followed, each
     * after one space, by capitalised words ({@code Nano Banana Pro}) and numbers with at most one
     * decimal and one letter ({@code Claude Opus 4.5}, {@code Llama 3 70B}). A number that goes on
     * ({@code 4.5-turbo}) ends the run, and the rest of its token may open the next.
     */
    static List<MixedText.Run> nameRuns(String text) {
        List<LatinToken> tokens = MixedText.latin(text);
        List<MixedText.Run> out = new ArrayList<>();
        int k = 0;
        int from = 0; // where in tokens.get(k) a run may start
        while (k < tokens.size()) {
            LatinToken t = tokens.get(k);
            int start = firstLetter(text, Math.max(from, t.start()), t.end());
            k++;
            from = 0;
            if (start < 0) {
                continue;
            }
            int end = t.end();
            while (k < tokens.size() && tokens.get(k - 1).adjacentToNext()) {
                LatinToken next = tokens.get(k);
                char c = next.text().charAt(0);
                if (c >= 'A' && c <= 'Z') {
                    end = next.end();
                    k++;
                    continue;
                }
                int number = numberLength(next.text());
                if (number == 0) {
                    break;
                }
                end = next.start() + number;
                if (number < next.text().length()) {
                    from = end;
                    break;
                }
                k++;
            }
            out.add(new MixedText.Run(text.substring(start, end), start));
        }
        return out;
    }

    private static int firstLetter(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return i;
            }
        }
        return -1;
    }

    /** How much of {@code word} a number with at most one decimal and one letter is: 4.5, 70B, 4o; 0 if none. */
    private static int numberLength(String word) {
        int i = digits(word, 0);
        if (i == 0) {
            return 0;
        }
        if (i + 1 < word.length() && word.charAt(i) == '.' && digits(word, i + 1) > i + 1) {
            i = digits(word, i + 1);
        }
        if (i < word.length() && isAsciiLetter(word.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
