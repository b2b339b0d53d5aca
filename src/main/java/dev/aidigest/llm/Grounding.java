package dev.aidigest.llm;

import dev.aidigest.text.Aliases;
import dev.aidigest.text.LatinToken;
import dev.aidigest.text.MixedText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that an LLM answer invents no facts a machine can check: every number and every
 * Latin-script name in it must occur in the story's posts. Full-width forms, thousands separators
 * and multipliers are normalised, so "4000 万美元" is grounded by "$40M" and "５００" by "500".
 *
 * <p>Known names ({@link Aliases}) are grounded by their entity, in any language: "英伟达" in an
 * answer by "Nvidia" in a post and the other way round. That also makes Chinese names checkable: a
 * Chinese alias whose entity no post names is reported like an invented Latin name. An org link
 * grounds nothing ("奥特曼" is not grounded by "OpenAI").
 */
final class Grounding {

    /**
     * Latin-script tokens, possibly with digits and inner separators: "flux.2", "gpt-4o", "qwen3-vl",
     * "80gb", "c++", "gpt-4o/mini", "don't"; read from the answer in lower case. Only the part from
     * the first word with a letter is checked as a name ({@link #named}); numbers are checked as numbers.
     */
    private static final MixedText.Rules TOKENS =
            MixedText.Rules.NAMES.withJoiners("+/'").withTrailing("+");

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final Pattern NUMBER_WITH_SUFFIX = Pattern.compile("^(\\d+(?:\\.\\d+)?)([a-z]+)$");
    private static final Map<String, Double> MULTIPLIERS = Map.ofEntries(
            Map.entry("万亿", 1e12),
            Map.entry("亿", 1e8),
            Map.entry("千万", 1e7),
            Map.entry("百万", 1e6),
            Map.entry("十万", 1e5),
            Map.entry("万", 1e4),
            Map.entry("千", 1e3),
            Map.entry("百", 1e2),
            Map.entry("k", 1e3),
            Map.entry("m", 1e6),
            Map.entry("b", 1e9),
            Map.entry("bn", 1e9),
            Map.entry("t", 1e12),
            Map.entry("thousand", 1e3),
            Map.entry("million", 1e6),
            Map.entry("billion", 1e9),
            Map.entry("trillion", 1e12));
    private static final Pattern MULTIPLIER_AFTER =
            Pattern.compile("^\\s?(万亿|亿|千万|百万|十万|万|千|百|thousand|million|billion|trillion|bn|k|m|b|t)(?![a-z])");
    /** Words any summary may use in Latin script without a post saying them, and bare units. */
    private static final Set<String> GENERIC = Set.of(
            "ai", "agi", "asi", "llm", "llms", "api", "apis", "gpu", "gpus", "cpu", "tpu", "tpus", "npu", "app", "apps",
            "ceo", "cto", "cfo", "sota", "ppt", "ui", "ux", "ml", "rl", "nlp", "ar", "vr", "xr", "iot", "saas", "agent",
            "agents", "prompt", "prompts", "token", "tokens", "vs", "ok", "x", "gb", "tb", "pb", "gw", "mw", "kw",
            "ghz", "fps", "ms", "k", "m", "b", "t", "bn", "pro", "ai4s");

    private final String text;
    private final String squashed;
    private final String bare;
    private final List<Double> values = new ArrayList<>();
    private final Aliases aliases;
    private final Set<String> entities;

    /** With the bundled aliases. */
    Grounding(String corpus) {
        this(corpus, Aliases.bundled());
    }

    /** @param corpus everything the model was allowed to know: post texts, author names and handles */
    Grounding(String corpus, Aliases aliases) {
        this.aliases = aliases;
        this.entities = aliases.idsIn(corpus);
        this.text = normalise(corpus);
        this.squashed = squash(text);
        this.bare = withoutSeparators(text);
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            addValues(values, m.group(), text, m.end());
        }
    }

    /** Numbers and names in {@code answer} that the posts never mention, in order of appearance. */
    List<String> ungrounded(String answer) {
        Set<String> missing = new LinkedHashSet<>();
        String a = normalise(withoutKnownNames(answer, missing));
        StringBuilder rest = new StringBuilder(a);
        for (LatinToken t : MixedText.latin(a, TOKENS)) {
            int start = named(t);
            if (start < 0) {
                continue;
            }
            String token = a.substring(start, t.end());
            rest.replace(start, t.end(), " ".repeat(token.length()));
            Matcher num = NUMBER_WITH_SUFFIX.matcher(token);
            if (num.matches() && (MULTIPLIERS.containsKey(num.group(2)) || GENERIC.contains(num.group(2)))) {
                checkNumber(num.group(1), num.group(2), 0, missing); // "40m", "80gb", "2k"
            } else if (token.length() > 1 && !GENERIC.contains(token) && !mentioned(token)) {
                missing.add(token);
            }
        }
        Matcher n = NUMBER.matcher(rest);
        while (n.find()) {
            checkNumber(n.group(), rest, n.end(), missing);
        }
        return new ArrayList<>(missing);
    }

    /**
     * The answer with every known name blanked out that is grounded by its entity, or that is Chinese
     * and not grounded (added to {@code missing} as written). An ungrounded Latin name stays for the
     * token check below, which also accepts it spelled differently in the posts.
     */
    private String withoutKnownNames(String answer, Set<String> missing) {
        List<Aliases.Match> names = aliases.find(answer);
        if (names.isEmpty()) {
            return answer;
        }
        StringBuilder rest = new StringBuilder(answer);
        for (Aliases.Match n : names) {
            if (!Aliases.isWholeWord(answer, n)) {
                continue; // "GPT-6" is checked as written, not as a GPT
            }
            String written = answer.substring(n.start(), n.end());
            boolean grounded = entities.contains(n.id());
            if (!grounded && written.codePoints().noneMatch(MixedText::isHan)) {
                continue;
            }
            if (!grounded) {
                missing.add(written);
            }
            for (int i = n.start(); i < n.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        return rest.toString();
    }

    /**
     * Where the name in a token starts: at its first part (between joiners) with a letter, so the
     * figures before it stay numbers ("2.5-flash" names "flash"); -1 when no part has one ("4.5").
     */
    private static int named(LatinToken t) {
        String s = t.text();
        int partStart = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 'a' && c <= 'z') {
                return t.start() + partStart;
            }
            if (!(c >= '0' && c <= '9')) {
                partStart = k + 1; // a joiner: the next part starts after it
            }
        }
        return -1;
    }

    private void checkNumber(String number, CharSequence s, int end, Set<String> missing) {
        List<Double> candidates = new ArrayList<>();
        addValues(candidates, number, s, end);
        for (double c : candidates) {
            for (double v : values) {
                if (Math.abs(c - v) <= 1e-9 * Math.max(1, Math.abs(v))) {
                    return;
                }
            }
        }
        missing.add(number);
    }

    private boolean mentioned(String token) {
        return text.contains(token) || squashed.contains(token) || bare.contains(withoutSeparators(token));
    }

    /** The number, and its value times a multiplier word right after it ({@code s} from {@code end}). */
    private static void addValues(List<Double> out, String number, CharSequence s, int end) {
        double v = Double.parseDouble(number);
        out.add(v);
        Matcher m = MULTIPLIER_AFTER.matcher(s).region(end, s.length());
        if (m.lookingAt()) {
            out.add(v * MULTIPLIERS.get(m.group(1)));
        }
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return THOUSANDS.matcher(n).replaceAll("");
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String withoutSeparators(String s) {
        return s.replaceAll("[.\\-_+/'\\s]", "");
    }
}
