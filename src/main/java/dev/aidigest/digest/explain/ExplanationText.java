package dev.aidigest.digest.explain;

import dev.aidigest.digest.explain.DigestExplanation.DroppedPost;
import dev.aidigest.digest.explain.DigestExplanation.Header;
import dev.aidigest.digest.explain.DigestExplanation.Join;
import dev.aidigest.digest.explain.DigestExplanation.Outcome;
import dev.aidigest.digest.explain.DigestExplanation.PostBlock;
import dev.aidigest.digest.explain.DigestExplanation.PostRef;
import dev.aidigest.digest.explain.DigestExplanation.Refusal;
import dev.aidigest.digest.explain.DigestExplanation.StoryBlock;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.rank.StoryRanker;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An explanation as plain English text for a terminal: the header, one block per story (best first:
 * what became of it, its score and the terms of it, each post with the links that joined it and its
 * nearest miss), then the dropped posts grouped by the filter's reason.
 */
public final class ExplanationText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private ExplanationText() {}

    public static String render(DigestExplanation e) {
        StringBuilder out = new StringBuilder();
        header(out, e.header());
        Double lastItemScore = e.stories().stream()
                .filter(s -> s.outcome() == Outcome.ITEM)
                .map(StoryBlock::score)
                .min(Double::compare)
                .orElse(null);
        for (StoryBlock s : e.stories()) {
            out.append('\n');
            story(out, s, e.header(), lastItemScore);
        }
        if (!e.dropped().isEmpty()) {
            out.append("\nDropped by the filter\n");
            Map<PostFilter.Reason, Long> counts =
                    e.dropped().stream().collect(Collectors.groupingBy(DroppedPost::reason, Collectors.counting()));
            PostFilter.Reason current = null;
            for (DroppedPost d : e.dropped()) {
                if (d.reason() != current) {
                    current = d.reason();
                    out.append("  ")
                            .append(current)
                            .append(" (")
                            .append(counts.get(current))
                            .append(")\n");
                }
                out.append("    ");
                post(out, d.post());
            }
        }
        return out.toString();
    }

    private static void header(StringBuilder out, Header h) {
        out.append(String.format(
                Locale.ROOT,
                "Slot %s: window %s to %s, summaries %s (no LLM call was made for this explanation)%n",
                h.slot(),
                HOUR.format(h.windowStart()),
                HOUR.format(h.windowEnd()),
                h.engine()));
        String drops = h.dropped().entrySet().stream()
                .filter(x -> x.getValue() > 0)
                .map(x -> x.getKey() + " " + x.getValue())
                .collect(Collectors.joining(", "));
        out.append(String.format(
                Locale.ROOT,
                "%d posts: %d kept, %d dropped%s%n",
                h.posts(),
                h.kept(),
                h.posts() - h.kept(),
                drops.isEmpty() ? "" : " (" + drops + ")"));
        out.append(String.format(
                Locale.ROOT,
                "%s: %d items, %d not picked, %s, %s; the pair model links at p >= %.2f%n",
                count(h.stories(), "story", "stories"),
                h.items(),
                h.notPicked(),
                count(h.repeats(), "repeat", "repeats"),
                count(h.followUps(), "follow-up", "follow-ups"),
                h.threshold()));
        if (h.reviewChangedStories()) {
            out.append("The merge review changed the clusterer's stories; the links below are the clusterer's.\n");
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static void story(StringBuilder out, StoryBlock s, Header h, Double lastItemScore) {
        out.append("Story #").append(s.rank()).append(": ").append(outcome(s, h, lastItemScore));
        out.append('\n');
        out.append("  score ").append(score(s.score(), s.parts())).append('\n');
        out.append(String.format(
                Locale.ROOT,
                "  %s by %s%n  repeat guard: %s%n",
                count(s.postCount(), "post", "posts"),
                String.join(", ", s.authors()),
                s.repeat()));
        for (PostBlock b : s.posts()) {
            out.append("  - ");
            post(out, b.post());
            for (Join j : b.joinedBy()) {
                out.append("      ").append(join(j)).append('\n');
            }
            if (b.closestRefused() != null) {
                out.append("      ").append(refusal(b.closestRefused(), h)).append('\n');
            }
        }
    }

    private static String outcome(StoryBlock s, Header h, Double lastItemScore) {
        return switch (s.outcome()) {
            case ITEM -> "item " + s.item() + " of the digest";
            case REPEAT -> "not in the digest: repeat of an earlier item (an earlier digest told it, no news since)";
            case NOT_PICKED ->
                String.format(
                        Locale.ROOT,
                        "not picked: candidate %d after the repeat guard; the digest took the best %d%s",
                        s.candidate(),
                        h.items(),
                        lastItemScore == null
                                ? ""
                                : String.format(Locale.ROOT, " (the last scored %.2f)", lastItemScore));
        };
    }

    static String score(double score, StoryRanker.Parts p) {
        if (p == null) {
            return String.format(Locale.ROOT, "%.2f", score);
        }
        return String.format(
                Locale.ROOT,
                "%.2f = engagement %.2f + authors %.2f + account weight %.2f + recency %.2f",
                score,
                p.engagement(),
                p.authors(),
                p.accountWeight(),
                p.recency());
    }

    private static void post(StringBuilder out, PostRef p) {
        out.append("post ")
                .append(p.id())
                .append(" @")
                .append(p.handle())
                .append(' ')
                .append(TIME.format(p.at()));
        if (p.url() != null && !p.url().isBlank()) {
            out.append(' ').append(p.url());
        }
        out.append('\n');
        String indent = "      ";
        out.append(indent).append('"').append(p.firstWords()).append("\"\n");
    }

    private static String join(Join j) {
        return switch (j.kind()) {
            case THREAD -> "in the thread of post " + j.post() + " @" + j.handle();
            case QUOTE -> "quotes post " + j.post() + " @" + j.handle();
            case QUOTED_BY -> "quoted by post " + j.post() + " @" + j.handle();
            case MODEL ->
                String.format(
                        Locale.ROOT,
                        "joined with post %d @%s: p=%.2f (%s)",
                        j.post(),
                        j.handle(),
                        j.probability(),
                        j.evidence().describe());
        };
    }

    private static String refusal(Refusal r, Header h) {
        String where = r.sameStory()
                ? "; it is in this story anyway, through the other posts"
                : r.storyRank() == null ? "" : "; it is in story #" + r.storyRank();
        String why =
                switch (r.why()) {
                    case BELOW_THRESHOLD ->
                        String.format(Locale.ROOT, "p=%.2f, below the threshold %.2f", r.probability(), h.threshold());
                    case AVERAGE_LINKAGE ->
                        r.meanAcross() < h.threshold()
                                ? String.format(
                                        Locale.ROOT,
                                        "linked at p=%.2f, but the two stories average p=%.3f across their posts, below %.2f",
                                        r.probability(),
                                        r.meanAcross(),
                                        h.threshold())
                                // the groups grew after the merge was refused and no later link tried them again
                                : String.format(
                                        Locale.ROOT,
                                        "linked at p=%.2f, but the merge was refused while the stories were smaller"
                                                + " (they average p=%.3f now)",
                                        r.probability(),
                                        r.meanAcross());
                };
        return String.format(
                Locale.ROOT,
                "closest refused: post %d @%s: %s (%s)%s",
                r.post(),
                r.handle(),
                why,
                r.evidence().describe(),
                where);
    }
}
