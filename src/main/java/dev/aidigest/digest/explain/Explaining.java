package dev.aidigest.digest.explain;

import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.cluster.Clustering;
import dev.aidigest.digest.explain.DigestExplanation.DroppedPost;
import dev.aidigest.digest.explain.DigestExplanation.Header;
import dev.aidigest.digest.explain.DigestExplanation.Join;
import dev.aidigest.digest.explain.DigestExplanation.JoinKind;
import dev.aidigest.digest.explain.DigestExplanation.Outcome;
import dev.aidigest.digest.explain.DigestExplanation.PostBlock;
import dev.aidigest.digest.explain.DigestExplanation.PostRef;
import dev.aidigest.digest.explain.DigestExplanation.Refusal;
import dev.aidigest.digest.explain.DigestExplanation.RefusalKind;
import dev.aidigest.digest.explain.DigestExplanation.StoryBlock;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.rank.RankedStory;
import dev.aidigest.ingest.Post;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns one build into its {@link DigestExplanation}: the stories best first, then the dropped posts. */
final class Explaining {

    /** How much of a post's text an explanation quotes, in code points. */
    static final int FIRST_WORDS = 80;

    private final DigestBuilder.Build build;
    private final ZoneId zone;
    private final Map<Long, Integer> rankOfPost = new HashMap<>();
    private final Map<Long, Clustering.UnitTrace> traceOfPost = new HashMap<>();

    private Explaining(DigestBuilder.Build build) {
        this.build = build;
        this.zone = build.digest().slot().end().getZone();
        List<RankedStory> ranked = build.ranked();
        for (int i = 0; i < ranked.size(); i++) {
            for (StoredPost p : ranked.get(i).story().posts()) {
                rankOfPost.put(p.id(), i + 1);
            }
        }
        for (Clustering.UnitTrace t : build.clustering().traces()) {
            t.posts().forEach(p -> traceOfPost.put(p.id(), t));
        }
    }

    static DigestExplanation of(DigestBuilder.Build build) {
        return new Explaining(build).explain();
    }

    private DigestExplanation explain() {
        Map<String, Integer> itemOf = new HashMap<>();
        for (DigestItem i : build.digest().items()) {
            itemOf.put(i.storyKey(), i.position());
        }
        Map<String, Integer> candidateOf = new HashMap<>();
        Map<String, Boolean> followUpOf = new HashMap<>();
        Map<String, String> decisionOf = new HashMap<>();
        for (int i = 0; i < build.candidates().size(); i++) {
            RankedStory c = build.candidates().get(i);
            candidateOf.put(c.story().key(), i + 1);
            followUpOf.put(c.story().key(), c.followUp());
            decisionOf.put(c.story().key(), c.decision().explain());
        }
        List<StoryBlock> stories = new ArrayList<>();
        int notPicked = 0;
        for (int i = 0; i < build.ranked().size(); i++) {
            RankedStory r = build.ranked().get(i);
            RankedStory judged = build.judged().get(i); // the same story, as the repeat guard left it
            String key = judged.story().key();
            decisionOf.putIfAbsent(key, judged.decision().explain());
            List<String> retold = r.story().posts().stream()
                    .filter(p -> !judged.story().posts().contains(p))
                    .map(p -> "post " + p.id())
                    .toList();
            if (!retold.isEmpty()) {
                decisionOf.put(
                        key,
                        decisionOf.get(key) + "; left out " + String.join(", ", retold)
                                + ": retells an earlier item, which the rest does not continue");
            }
            Integer item = itemOf.get(key);
            Integer candidate = candidateOf.get(key);
            Outcome outcome = item != null ? Outcome.ITEM : candidate != null ? Outcome.NOT_PICKED : Outcome.REPEAT;
            notPicked += outcome == Outcome.NOT_PICKED ? 1 : 0;
            List<PostBlock> posts = new ArrayList<>();
            for (StoredPost p : r.story().posts()) {
                posts.add(postBlock(p, i + 1));
            }
            stories.add(new StoryBlock(
                    i + 1,
                    r.score(),
                    build.scoreParts().get(r.story().key()),
                    outcome,
                    item,
                    candidate,
                    followUpOf.getOrDefault(key, false),
                    decisionOf.getOrDefault(key, r.decision().explain()),
                    r.story().authors(),
                    posts.size(),
                    posts));
        }
        int followUps =
                (int) build.candidates().stream().filter(RankedStory::followUp).count();
        Header header = new Header(
                build.digest().slot().name(),
                build.digest().slot().windowStart().atZone(zone),
                build.digest().slot().end(),
                build.digest().engine(),
                build.clustering().threshold(),
                build.window().size(),
                build.filtered().kept().size(),
                build.filtered().dropped(),
                build.ranked().size(),
                build.digest().items().size(),
                notPicked,
                build.ranked().size() - build.candidates().size(),
                followUps,
                !build.clustering().stories().equals(build.stories()));
        return new DigestExplanation(header, stories, dropped());
    }

    private PostBlock postBlock(StoredPost p, int rank) {
        Clustering.UnitTrace t = traceOfPost.get(p.id());
        if (t == null) {
            // a post the clusterer never saw (a merge review can only regroup posts, so not expected)
            return new PostBlock(ref(p), p.id(), List.of(), null);
        }
        StoredPost first = t.posts().get(0);
        if (first.id() != p.id()) {
            return new PostBlock(ref(p), first.id(), List.of(structural(p, t.posts())), null);
        }
        List<Join> joins = new ArrayList<>();
        for (Clustering.Link l : t.joinedBy()) {
            joins.add(new Join(JoinKind.MODEL, l.other().id(), handle(l.other()), l.probability(), l.evidence()));
        }
        return new PostBlock(ref(p), p.id(), joins, refusal(t, rank));
    }

    /**
     * Why a post that is not the first of its unit is in it: it quotes a post of the unit, is quoted
     * by one, or continues its author's thread.
     */
    private Join structural(StoredPost p, List<StoredPost> unit) {
        Post.Reference ref = p.post().reference();
        for (StoredPost q : unit) {
            if (q.id() == p.id()) {
                continue;
            }
            if (ref != null && ref.isQuote() && ref.platformId().equals(q.post().platformId())) {
                return new Join(JoinKind.QUOTE, q.id(), handle(q), null, null);
            }
            Post.Reference back = q.post().reference();
            if (back != null
                    && back.isQuote()
                    && back.platformId().equals(p.post().platformId())) {
                return new Join(JoinKind.QUOTED_BY, q.id(), handle(q), null, null);
            }
        }
        for (StoredPost q : unit) {
            if (ref != null && ref.isReply() && ref.platformId().equals(q.post().platformId())) {
                return new Join(JoinKind.THREAD, q.id(), handle(q), null, null);
            }
        }
        return new Join(JoinKind.THREAD, unit.get(0).id(), handle(unit.get(0)), null, null);
    }

    /** A link to another story refused by average linkage is nearer than any pair below the threshold. */
    private Refusal refusal(Clustering.UnitTrace t, int rank) {
        if (t.unmerged() != null) {
            Clustering.Link l = t.unmerged().link();
            return refusal(RefusalKind.AVERAGE_LINKAGE, l, t.unmerged().meanAcross(), rank);
        }
        if (t.closestRefused() != null) {
            return refusal(RefusalKind.BELOW_THRESHOLD, t.closestRefused(), null, rank);
        }
        return null;
    }

    private Refusal refusal(RefusalKind why, Clustering.Link l, Double mean, int rank) {
        Integer otherRank = rankOfPost.get(l.other().id());
        return new Refusal(
                why,
                l.other().id(),
                handle(l.other()),
                l.probability(),
                l.evidence(),
                mean,
                otherRank != null && otherRank == rank,
                otherRank);
    }

    /** The posts the filter left out, by reason in the filter's order, then oldest first. */
    private List<DroppedPost> dropped() {
        List<DroppedPost> out = new ArrayList<>();
        for (StoredPost p : build.window()) {
            PostFilter.Reason r = build.dropReasons().get(p.id());
            if (r != null) {
                out.add(new DroppedPost(ref(p), r));
            }
        }
        out.sort(Comparator.comparing(DroppedPost::reason)
                .thenComparing(d -> d.post().at())
                .thenComparingLong(d -> d.post().id()));
        return out;
    }

    private PostRef ref(StoredPost sp) {
        Post p = sp.post();
        return new PostRef(
                sp.id(), p.platformId(), p.url(), handle(sp), p.createdAt().atZone(zone), firstWords(p.text()));
    }

    private static String handle(StoredPost p) {
        return p.post().authorHandle();
    }

    /** The text on one line, cut after {@link #FIRST_WORDS} code points at a space when there is one near. */
    static String firstWords(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        if (line.codePointCount(0, line.length()) <= FIRST_WORDS) {
            return line;
        }
        String cut = line.substring(0, line.offsetByCodePoints(0, FIRST_WORDS));
        int space = cut.lastIndexOf(' ');
        if (space >= FIRST_WORDS * 3 / 4) {
            cut = cut.substring(0, space);
        }
        return cut + "…";
    }
}
