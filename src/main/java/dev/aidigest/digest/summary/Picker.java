package dev.aidigest.digest.summary;

import dev.aidigest.digest.MarkdownSafe;
import dev.aidigest.digest.PostText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects a summary's sentences: distinct, informative, each closed and balanced, within the
 * house-style budget ({@value #MAX_SENTENCES} sentences, {@value #MAX_CHARS} characters without the
 * bold markers), then renders them with the key phrases in bold. A sentence credited to another
 * author carries the one Chinese scaffolding "NAME 也提到："; the same author's next sentence
 * continues without it.
 */
final class Picker {

    static final int MAX_SENTENCES = 4;
    static final int MAX_CHARS = 320;
    /** Below this a summary says too little; more sentences are taken when the posts have them. */
    static final int MIN_CHARS = 90;

    private static final int MAX_BOLD = 3;
    private static final int MIN_LETTERS = 6;
    /** What closing brackets and a full stop may add to a cut sentence. */
    private static final int CLOSING_ROOM = 3;

    private final List<String> prefixes = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private int length;

    /** The scaffolding that credits {@code author} for the sentence after it. */
    static String credit(String author) {
        return MarkdownSafe.plain(Prose.name(author)) + " 也提到：";
    }

    /** Takes up to {@code quota} of {@code sentences}, in order, each after {@code prefix}. */
    void take(List<String> sentences, String prefix, int quota) {
        int taken = 0;
        for (String raw : sentences) {
            if (bodies.size() >= MAX_SENTENCES || taken >= quota) {
                return;
            }
            String s = Punctuation.balance(Punctuation.close(raw));
            if (letters(s) < MIN_LETTERS || isDuplicate(s)) {
                continue;
            }
            int room = MAX_CHARS - length - PostText.length(prefix);
            String body = PostText.length(s) <= room ? s : bodies.isEmpty() ? cut(raw, room) : null;
            if (body == null || letters(body) < MIN_LETTERS) {
                continue;
            }
            seen.add(SentenceOverlap.normalise(raw));
            prefixes.add(prefix);
            bodies.add(body);
            length += PostText.length(prefix) + PostText.length(body);
            taken++;
        }
    }

    int size() {
        return bodies.size();
    }

    /** Fewer than two sentences or {@value #MIN_CHARS} characters: more may be taken. */
    boolean wantsMore() {
        return bodies.size() < MAX_SENTENCES && (bodies.size() < 2 || length < MIN_CHARS);
    }

    /** The summary: sentences joined as their scripts want, the first key phrases in bold. */
    String render() {
        StringBuilder out = new StringBuilder();
        Set<String> bolded = new HashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            String body = MarkdownSafe.plain(bodies.get(i));
            List<KeyPhrases.Span> spans = new ArrayList<>();
            for (KeyPhrases.Span s : KeyPhrases.find(body, MAX_BOLD)) {
                if (bolded.size() < MAX_BOLD
                        && bolded.add(body.substring(s.start(), s.end()).toLowerCase(java.util.Locale.ROOT))) {
                    spans.add(s);
                }
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) < '\u3000') {
                out.append(' '); // after ". " style punctuation; Chinese "。" needs no space
            }
            boolean continues = i > 0 && prefixes.get(i).equals(prefixes.get(i - 1));
            out.append(continues ? "" : prefixes.get(i)).append(KeyPhrases.bold(body, spans));
        }
        return MarkdownSafe.withBold(out.toString());
    }

    /**
     * A first sentence too long for the budget, cut at its last clause mark that fits (else at a word)
     * and closed there: a shorter sentence, not one that trails off.
     */
    static String cut(String sentence, int room) {
        int max = Math.max(MIN_LETTERS, room - CLOSING_ROOM);
        String head = PostText.shorten(sentence, max);
        if (head.endsWith("…")) {
            head = head.substring(0, head.length() - 1);
        }
        return Punctuation.balance(Punctuation.close(head));
    }

    private boolean isDuplicate(String s) {
        String n = SentenceOverlap.normalise(s);
        return seen.stream().anyMatch(o -> SentenceOverlap.same(n, o));
    }

    private static int letters(String s) {
        return (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    }
}
