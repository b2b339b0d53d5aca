package dev.aidigest.report;

import dev.aidigest.digest.MarkdownSafe;
import dev.aidigest.digest.PostText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the day's opinions: posts of the digests' stories in which a person says what they think
 * (我认为, I think, should, 泡沫 …), one per person, most engaging first, quoted and linked.
 */
final class Opinions {

    private static final Pattern MARKER =
            Pattern.compile("(?i)\\bI think\\b|\\bI believe\\b|\\bin my view\\b|\\bmy take\\b"
                    + "|\\bwe need\\b|\\bshould\\b|\\bwon'?t\\b|\\bnever\\b|\\bis right\\b|\\bis wrong\\b|\\boverrated\\b|\\bhype\\b|\\bbubble\\b"
                    + "|\\bAGI\\b|\\bthe future\\b|认为|觉得|我看|观点|应该|不会|必须|预测|判断|泡沫|炒作|降智|本质|其实|注定");
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "(?i)^(?:introducing|new in|announcing|today,? we|we'?re|we are|we'?ve|meet |now available)");
    static final int MAX = 5;

    private Opinions() {}

    static List<DailyReport.Opinion> pick(List<DayPost> posts) {
        List<DailyReport.Opinion> out = new ArrayList<>();
        for (DayPost p : candidates(posts)) {
            if (out.size() < MAX) {
                out.add(new DailyReport.Opinion(
                        p.authorName(), "「" + MarkdownSafe.plain(quote(p.text())) + "」", p.link()));
            }
        }
        return out;
    }

    /** Opinion posts, best first, one per person. */
    static List<DayPost> candidates(List<DayPost> posts) {
        List<DayPost> candidates = new ArrayList<>();
        for (DayPost p : posts) {
            String clean = PostText.clean(p.text());
            if (!p.isRetweet()
                    && !"replied_to".equals(p.refType())
                    && MARKER.matcher(clean).find()
                    && !ANNOUNCEMENT.matcher(clean).find()
                    && PostText.length(clean) >= 15) {
                candidates.add(p);
            }
        }
        candidates.sort(Comparator.comparingDouble(Opinions::weight).reversed().thenComparingLong(DayPost::id));
        Set<String> people = new HashSet<>();
        return candidates.stream().filter(p -> people.add(p.authorHandle())).toList();
    }

    private static double weight(DayPost p) {
        long markers = MARKER.matcher(PostText.clean(p.text())).results().count();
        return Math.min(3, markers) * Math.log(2 + p.engagement());
    }

    /** The sentence that carries the opinion, with the one before it when it is short. */
    static String quote(String text) {
        List<String> sentences = PostText.sentences(PostText.clean(text));
        for (int i = 0; i < sentences.size(); i++) {
            if (MARKER.matcher(sentences.get(i)).find()) {
                String s = sentences.get(i);
                if (i > 0 && PostText.length(s) < 30) {
                    s = sentences.get(i - 1) + " " + s;
                }
                return PostText.shorten(s.strip(), 120);
            }
        }
        return PostText.shorten(sentences.isEmpty() ? text.strip() : sentences.get(0), 120);
    }
}
