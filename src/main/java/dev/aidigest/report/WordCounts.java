package dev.aidigest.report;

import com.huaban.analysis.jieba.JiebaSegmenter;
import dev.aidigest.digest.PostText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word frequencies for the word cloud. Product and model names stay whole ({@code FLUX.2},
 * {@code Nano Banana Pro}, {@code Claude Opus 4.5}): runs of capitalised or versioned Latin words are
 * taken as one name before anything is split, and a shorter name inside a longer one counts for the
 * longer one. Chinese is segmented by jieba; Chinese and English stop words, links and mentions are
 * left out.
 */
public final class WordCounts {

    /** A word and how often it occurs; {@code name} marks a product or model name. */
    public record Word(String text, int count, boolean name) {}

    private static final Pattern LATIN_RUN = Pattern.compile(
            "[A-Za-z][A-Za-z0-9]*(?:[.\\-_][A-Za-z0-9]+)*(?: (?:[A-Z][A-Za-z0-9]*(?:[.\\-_][A-Za-z0-9]+)*|\\d+(?:\\.\\d+)?[A-Za-z]?))*");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final int MAX_NAME_WORDS = 4;

    private final Set<String> stopEn;
    private final Set<String> stopZh;
    private final Set<String> terms;
    private volatile JiebaSegmenter jieba;

    /**
     * @param terms lower-case English words worth a place in the cloud when written in lower case
     *              ({@code model}, {@code agent}); capitalised words and names need no list
     */
    WordCounts(Set<String> stopEn, Set<String> stopZh, Set<String> terms) {
        this.stopEn = Set.copyOf(stopEn);
        this.stopZh = Set.copyOf(stopZh);
        this.terms = Set.copyOf(terms);
    }

    /** The bundled stop word lists (English from the digest's list plus web noise; Chinese from the report's). */
    public static WordCounts standard() {
        Set<String> en = new HashSet<>(words("/dev/aidigest/digest/stopwords-en.txt", true));
        en.addAll(List.of(
                "https", "http", "www", "com", "amp", "rt", "via", "just", "like", "get", "got", "one", "now", "new",
                "today", "really", "still", "even", "much", "many", "lot", "way", "thing", "things", "make", "made",
                "use", "used", "using", "see", "here", "there", "what", "when", "it's", "i'm", "don't", "can't",
                "that's", "you're", "we're"));
        Set<String> terms = new HashSet<>(words("/dev/aidigest/digest/ai-terms.txt", true));
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
        return new WordCounts(en, words("stopwords-zh.txt", false), terms);
    }

    private static Set<String> words(String resource, boolean oneALine) {
        try (InputStream in = WordCounts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled word list missing: " + resource);
            }
            Set<String> out = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                int hash = line.indexOf('#');
                String l = (hash >= 0 ? line.substring(0, hash) : line).strip().toLowerCase(Locale.ROOT);
                if (!l.isEmpty()) {
                    out.addAll(oneALine ? List.of(l) : List.of(l.split("\\s+")));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code max} most frequent words of the texts, most frequent first (ties alphabetical). */
    public List<Word> count(List<String> texts, int max) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (String raw : texts) {
            String text = PostText.clean(raw).replaceAll("@\\w+", " ");
            Matcher m = LATIN_RUN.matcher(text);
            while (m.find()) {
                latin(m.group(), counts, forms, names);
            }
            Matcher h = HAN.matcher(text);
            while (h.find()) {
                for (String w : segmenter().sentenceProcess(h.group())) {
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

    private void latin(
            String run, Map<String, Integer> counts, Map<String, Map<String, Integer>> forms, Set<String> names) {
        List<String> words = new ArrayList<>(List.of(run.split(" ")));
        while (!words.isEmpty() && stopEn.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0); // "Introducing Claude Opus 4.5": the name starts after the sentence's opening word
        }
        if (words.isEmpty()) {
            return;
        }
        if (words.size() > 1 && words.size() <= MAX_NAME_WORDS) {
            String name = String.join(" ", words);
            add(name.toLowerCase(Locale.ROOT), name, counts, forms);
            names.add(name.toLowerCase(Locale.ROOT));
            return;
        }
        for (String w : words) {
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

    // jieba loads its dictionary (~3 s) on construction: only when a report is made
    private JiebaSegmenter segmenter() {
        if (jieba == null) {
            synchronized (this) {
                if (jieba == null) {
                    jieba = dev.aidigest.search.Jieba.segmenter();
                }
            }
        }
        return jieba;
    }
}
