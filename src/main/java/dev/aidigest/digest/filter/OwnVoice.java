package dev.aidigest.digest.filter;

import dev.aidigest.ingest.Post;
import dev.aidigest.text.LatinToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a post speaks for what it promotes: a lab on its own model or price ("Qwen3-Omni-Flash is
 * now live … 50% off on the API" by Alibaba_Qwen, "MiniMax-M2 is 50% off on our API" by
 * MiniMax__AI). Such a post is news, not an ad, so the weak signs of an ad do not count against it;
 * the strong ones ({@code #ad}, a coupon, a referral link) still do.
 *
 * <p>The own voice is the author's own name written as a name in the text (a part of the handle
 * or display name of four letters or more, or a run of parts, capitalised or versioned:
 * {@code Alibaba_Qwen} → "Qwen3", {@code MiniMax__AI} → "MiniMax-M2"), or the first person plural
 * ("our", "我们") together with an announcement (a word of the news list: "now live", "发布").
 * An account whose name sells ({@code cursor_deals}, {@code aitooldeals}, "免费 Key") has no own
 * voice: its "Cursor Pro 50% off" stays an ad.
 */
final class OwnVoice {

    /** Parts of account names that say nothing about whose product a post is. */
    private static final Set<String> GENERIC =
            Set.of("official", "team", "labs", "news", "daily", "tools", "tech", "world", "today", "hub", "the", "org");

    /** Words in an account's name that make it a seller, not a maker. */
    private static final List<String> SELLING = List.of(
            "deal",
            "promo",
            "coupon",
            "discount",
            "sale",
            "shop",
            "store",
            "cheap",
            "free",
            "offer",
            "免费",
            "优惠",
            "特价",
            "代充",
            "折扣",
            "低价",
            "福利");

    private static final Pattern SPLIT =
            Pattern.compile("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})");
    private static final Pattern WE = Pattern.compile("(?i)\\b(we|we're|we've|we'll|our|ours)\\b|我们");

    private final TermList announcements;

    OwnVoice(TermList announcements) {
        this.announcements = announcements;
    }

    boolean speaksForItself(Post post, PostFeatures f) {
        String account = (post.authorHandle() + " " + post.authorName()).toLowerCase(Locale.ROOT);
        if (SELLING.stream().anyMatch(account::contains)) {
            return false;
        }
        String lower = f.words().toLowerCase(Locale.ROOT);
        for (String part : nameParts(post)) {
            boolean han = part.codePoints().anyMatch(PostFeatures::isHan);
            if (han ? lower.contains(part) : f.tokens().stream().anyMatch(t -> names(t, part))) {
                return true;
            }
        }
        return WE.matcher(f.words()).find() && announcements.score(f).points() > 0;
    }

    /** "Qwen3-Omni" and "Qwen" name "qwen"; "Qwenlike" and "qwen" in lower case do not. */
    private static boolean names(LatinToken t, String part) {
        String s = t.text();
        if (!Character.isUpperCase(s.charAt(0)) && t.digits() == 0) {
            return false;
        }
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith(part) && (l.length() == part.length() || !Character.isLetter(l.charAt(part.length())));
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
