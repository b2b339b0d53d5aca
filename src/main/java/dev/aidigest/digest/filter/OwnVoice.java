package dev.aidigest.digest.filter;

import dev.aidigest.ingest.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a post speaks for what it promotes: a lab announcing its own model or price ("Qwen3 is
 * 50% off on the API through Dec 31" by Alibaba_Qwen, "Devstral 2 is free on our API for a limited
 * time" by MistralAI). Such a post is news, not an ad, so the weak signs of an ad do not count
 * against it; the strong ones ({@code #ad}, a coupon, a referral link) still do.
 *
 * <p>Shown by the author's own name in the text (a part of the handle or display name of four
 * letters or more, or a run of parts: {@code Alibaba_Qwen} → "qwen", {@code MiniMax__AI} →
 * "minimax") or by the first person plural ("our API", "我们").
 */
final class OwnVoice {

    /** Parts of account names that say nothing about whose product a post is. */
    private static final Set<String> GENERIC = Set.of(
            "official", "team", "labs", "news", "daily", "deals", "tools", "tech", "world", "today", "hub", "the");

    private static final Pattern SPLIT =
            Pattern.compile("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})");
    private static final Pattern WE = Pattern.compile("(?i)\\b(we|we're|we've|we'll|our|ours)\\b|我们");

    private OwnVoice() {}

    static boolean speaksForItself(Post post, PostFeatures f) {
        if (WE.matcher(f.words()).find()) {
            return true;
        }
        String lower = f.words().toLowerCase(Locale.ROOT);
        for (String part : nameParts(post)) {
            boolean han = part.codePoints().anyMatch(PostFeatures::isHan);
            if (han ? lower.contains(part) : f.tokens().stream().anyMatch(t -> names(t, part))) {
                return true;
            }
        }
        return false;
    }

    /** "Qwen3-Omni" names "qwen"; "Qwenlike" does not. */
    private static boolean names(PostFeatures.Token t, String part) {
        String s = t.text().toLowerCase(Locale.ROOT);
        return s.startsWith(part) && (s.length() == part.length() || !Character.isLetter(s.charAt(part.length())));
    }

    /** Runs of a name's parts: {@code MiniMax__AI} → mini, max, ai, minimax, maxai, minimaxai. */
    private static List<String> nameParts(Post post) {
        List<String> out = new ArrayList<>();
        for (String name : List.of(post.authorHandle(), post.authorName())) {
            List<String> parts = new ArrayList<>();
            for (String part : SPLIT.split(name)) {
                if (!part.isEmpty()) {
                    parts.add(part.toLowerCase(Locale.ROOT));
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                StringBuilder run = new StringBuilder();
                for (int j = i; j < parts.size(); j++) {
                    String p = run.append(parts.get(j)).toString();
                    boolean han = p.codePoints().anyMatch(PostFeatures::isHan);
                    if ((han ? p.length() >= 2 : p.length() >= 4) && !GENERIC.contains(p)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }
}
