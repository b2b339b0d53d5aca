package dev.aidigest.digest.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a skimming reader needs in bold (house style: the thing launched, the key number):
 * product and model names ({@code FLUX.2}, {@code Claude Opus 4.5}, {@code Qwen3-VL}) and numbers
 * with a unit or currency ({@code 500倍}, {@code $40M}, {@code 80-100GW}).
 */
final class KeyPhrases {

    private static final String NUM = "\\d+(?:[.,]\\d+)*";
    private static final String UNIT = "(?:%|倍|万亿|亿|万|千|百万|美元|美金|元|人民币|GW|MW|kW|GB|TB|PB|[KMBT]\\b|x\\b|×"
            + "|\\s?tokens?\\b|\\s?stars?\\b|星|个月|小时|分钟|秒|天|周|fps\\b|\\s?(?:billion|million|trillion|thousand)\\b|B参数)";
    private static final Pattern AMOUNT =
            Pattern.compile("(?:[$¥€£]\\s?" + NUM + "(?:\\s?[-–~～]\\s?" + NUM + ")?" + UNIT + "?(?:美元|元)?)"
                    + "|(?<![\\w.])(?:" + NUM + "(?:\\s?[-–~～]\\s?" + NUM + ")?\\s?" + UNIT + "(?:美元|元)?)");
    /** Name with a version: "FLUX.2", "GPT-5", "Qwen3-VL", "Claude Opus 4.5", "Gemini 3 Pro". */
    private static final Pattern VERSIONED = Pattern.compile(
            "\\b(?:[A-Z][A-Za-z]*\\s){0,2}[A-Za-z][A-Za-z]*(?:[.\\-]?\\d+(?:\\.\\d+)*)(?:[.\\-][A-Za-z0-9]+)*(?:\\s(?:Pro|Max|Mini|Turbo|Ultra|Flash|VL))?\\b"
                    + "|\\b(?:[A-Z][A-Za-z]*\\s){1,2}\\d+(?:\\.\\d+)?(?:\\s(?:Pro|Max|Mini|Turbo|Ultra|Flash))?\\b");
    /** A product spelled as capitalised words, at least one inner capital: "Nano Banana Pro", "LeRobot". */
    private static final Pattern NAMED = Pattern.compile(
            "\\b[A-Z][a-z]+[A-Z][A-Za-z]*\\b|(?<![\\w-])(?:[A-Z][A-Za-z]*[-\\s]){1,3}(?:Pro|Max|Mini|Turbo|Ultra|Flash|Code|Studio)\\b");
    /** Capitalised only because a sentence starts there, or a date: not part of a name. */
    private static final Set<String> STOP = Set.of(
            "The",
            "A",
            "An",
            "In",
            "On",
            "At",
            "By",
            "For",
            "With",
            "From",
            "And",
            "Or",
            "To",
            "Of",
            "This",
            "That",
            "These",
            "Since",
            "Until",
            "Now",
            "Today",
            "Just",
            "Our",
            "We",
            "It",
            "Its",
            "Is",
            "Was",
            "New",
            "Also",
            "After",
            "Before",
            "If",
            "When",
            "But",
            "So",
            "As",
            "Why",
            "How",
            "What",
            "Here",
            "There",
            "I",
            "You",
            "He",
            "She",
            "They",
            "My",
            "Your",
            "Their",
            "His",
            "Her",
            "Every",
            "All",
            "Some",
            "Meet",
            "Introducing",
            "Announcing",
            "Try",
            "Use",
            "Using",
            "Without",
            "Via",
            "Like",
            "Top",
            "Step",
            "Day",
            "Week",
            "Year",
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
            "January",
            "February",
            "March",
            "April",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Q1",
            "Q2",
            "Q3",
            "Q4");

    private static final Pattern QUOTED = Pattern.compile("[“「《\"]([^”」》\"]{2,20})[”」》\"]");

    private KeyPhrases() {}

    /**
     * Up to {@code max} phrases of {@code text}, in priority order (first name, first amount, then
     * more of either), never overlapping.
     */
    static List<Span> find(String text, int max) {
        List<Span> names = new ArrayList<>();
        for (Span s : matches(VERSIONED, text, 0)) {
            withoutStopwords(s, text).map(w -> widen(w, text)).ifPresent(names::add);
        }
        for (Span s : matches(NAMED, text, 0)) {
            withoutStopwords(s, text).map(w -> widen(w, text)).ifPresent(names::add);
        }
        names.sort(Comparator.comparingInt(Span::start));
        List<Span> amounts = new ArrayList<>();
        matches(AMOUNT, text, 0).forEach(a -> amounts.add(widen(a, text)));
        List<Span> chosen = new ArrayList<>();
        int n = 0;
        int a = 0;
        while (chosen.size() < max && (n < names.size() || a < amounts.size())) {
            boolean takeName = n < names.size() && (chosen.size() % 2 == 0 || a >= amounts.size());
            Span next = takeName ? names.get(n++) : amounts.get(a++);
            addIfFree(chosen, next, text);
        }
        if (chosen.isEmpty()) {
            for (Span q : matches(QUOTED, text, 1)) {
                addIfFree(chosen, q, text);
                if (chosen.size() >= max) {
                    break;
                }
            }
        }
        return merged(chosen, text);
    }

    /** How many key phrases a sentence has: a sentence with names and numbers says something. */
    static int count(String text) {
        return count(text, 3);
    }

    /** {@link #count} up to {@code max}. */
    static int count(String text, int max) {
        return find(text, max).size();
    }

    /** {@code text} with the given phrases wrapped in {@code **}. */
    static String bold(String text, List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Span s : sorted) {
            sb.insert(s.end(), "**").insert(s.start(), "**");
        }
        return sb.toString();
    }

    record Span(int start, int end) {
        boolean overlaps(Span o) {
            return start < o.end && o.start < end;
        }
    }

    /** Drops leading sentence-start words; nothing is left when only a date or plain number remains. */
    private static Optional<Span> withoutStopwords(Span s, String text) {
        int start = s.start();
        while (true) {
            int space = text.indexOf(' ', start);
            if (space < 0 || space >= s.end() || !STOP.contains(text.substring(start, space))) {
                break;
            }
            start = space + 1;
        }
        String rest = text.substring(start, s.end());
        if (STOP.contains(rest) || !rest.matches(".*[A-Za-z].*") || rest.matches("[A-Za-z]+\\s(?:19|20)\\d\\d")) {
            return Optional.empty();
        }
        return Optional.of(new Span(start, s.end()));
    }

    private static void addIfFree(List<Span> chosen, Span next, String text) {
        String phrase = text.substring(next.start(), next.end()).strip();
        if (phrase.length() < 2 || phrase.chars().allMatch(Character::isDigit)) {
            return;
        }
        for (int i = 0; i < chosen.size(); i++) {
            Span c = chosen.get(i);
            if (c.overlaps(next) || text.substring(c.start(), c.end()).equalsIgnoreCase(phrase)) {
                return; // "Verified 80.9" after "80.9%": the phrase already chosen stays as it is
            }
            if (touching(c, next, text)) {
                chosen.set(i, new Span(Math.min(c.start(), next.start()), Math.max(c.end(), next.end())));
                return;
            }
        }
        chosen.add(next);
    }

    /**
     * The whole name a match sits in: "V2" in "DeepSeekMath-V2", "newswire24" in "ai-newswire24".
     * Bold that stops at a hyphen or dot of one name would read as two names.
     */
    static Span widen(Span s, String text) {
        int start = s.start();
        int end = s.end();
        while (start > 0
                && (isLatin(text.charAt(start - 1))
                        || (start > 1 && isJoiner(text.charAt(start - 1)) && isLatin(text.charAt(start - 2))))) {
            start--;
        }
        while (end < text.length()
                && (isLatin(text.charAt(end))
                        || (end + 1 < text.length() && isJoiner(text.charAt(end)) && isLatin(text.charAt(end + 1))))) {
            end++;
        }
        return new Span(start, end);
    }

    /** Spans in order, those that touch ("Llama 3.1" "8B") as one. */
    private static List<Span> merged(List<Span> spans, String text) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && touching(last, s, text)) {
                out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Nothing or one joiner between them (bold on both would leave "****" or a split name), or one
     * space between a name and what continues it ("Llama 3.1" "8B", "Trainium3" "UltraServers").
     */
    @SuppressWarnings("ReferenceEquality") // which of the two spans, by identity
    private static boolean touching(Span a, Span b, String text) {
        Span first = a.start() <= b.start() ? a : b;
        Span second = first == a ? b : a;
        int gap = second.start() - first.end();
        if (gap < 0 || gap > 1) {
            return false;
        }
        char between = text.charAt(first.end());
        return gap == 0
                || isJoiner(between)
                || (between == ' '
                        && Character.isLetter(text.charAt(first.start()))
                        && (Character.isDigit(text.charAt(second.start()))
                                || Character.isUpperCase(text.charAt(second.start()))));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == '-' || c == '_' || c == '+';
    }

    private static List<Span> matches(Pattern p, String text, int group) {
        List<Span> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            int s = m.start(group);
            int e = m.end(group);
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            if (e > s) {
                out.add(new Span(s, e));
            }
        }
        return out;
    }
}
