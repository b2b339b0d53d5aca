package dev.aidigest.digest.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.digest.cluster.PairEvidence;
import dev.aidigest.digest.explain.DigestExplanation.DroppedPost;
import dev.aidigest.digest.explain.DigestExplanation.Header;
import dev.aidigest.digest.explain.DigestExplanation.Join;
import dev.aidigest.digest.explain.DigestExplanation.PostBlock;
import dev.aidigest.digest.explain.DigestExplanation.PostRef;
import dev.aidigest.digest.explain.DigestExplanation.Refusal;
import dev.aidigest.digest.explain.DigestExplanation.StoryBlock;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.digest.rank.StoryRanker;
import java.util.Locale;
import java.util.Map;

/**
 * An explanation as one JSON document, the fields as {@link DigestExplanation} lists them. Built
 * field by field rather than by reflection, so renaming a Java component cannot rename a field.
 */
public final class ExplanationJson {

    private static final ObjectMapper JSON = dev.aidigest.json.Jackson.indentedJson();

    private ExplanationJson() {}

    public static String render(DigestExplanation e) {
        ObjectNode root = JSON.createObjectNode();
        header(root, e.header());
        ArrayNode stories = root.putArray("stories");
        e.stories().forEach(s -> story(stories.addObject(), s));
        ArrayNode dropped = root.putArray("dropped");
        for (DroppedPost d : e.dropped()) {
            ObjectNode n = dropped.addObject();
            post(n, d.post());
            n.put("reason", d.reason().name());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write the explanation as JSON", ex);
        }
    }

    private static void header(ObjectNode root, Header h) {
        root.put("slot", h.slot());
        root.put("window_start", h.windowStart().toOffsetDateTime().toString());
        root.put("window_end", h.windowEnd().toOffsetDateTime().toString());
        root.put("engine", h.engine());
        root.put("threshold", h.threshold());
        root.put("review_changed_stories", h.reviewChangedStories());
        ObjectNode counts = root.putObject("counts");
        counts.put("posts", h.posts());
        counts.put("kept", h.kept());
        ObjectNode dropped = counts.putObject("dropped");
        for (Map.Entry<PostFilter.Reason, Integer> r : h.dropped().entrySet()) {
            dropped.put(r.getKey().name(), r.getValue());
        }
        counts.put("stories", h.stories());
        counts.put("items", h.items());
        counts.put("not_picked", h.notPicked());
        counts.put("repeats", h.repeats());
        counts.put("follow_ups", h.followUps());
    }

    private static void story(ObjectNode n, StoryBlock s) {
        n.put("rank", s.rank());
        n.put("score", s.score());
        StoryRanker.Parts p = s.parts();
        if (p == null) {
            n.putNull("score_parts");
        } else {
            ObjectNode parts = n.putObject("score_parts");
            parts.put("engagement", p.engagement());
            parts.put("authors", p.authors());
            parts.put("account_weight", p.accountWeight());
            parts.put("recency", p.recency());
        }
        n.put("outcome", s.outcome().name().toLowerCase(Locale.ROOT));
        n.put("item", s.item());
        n.put("candidate", s.candidate());
        n.put("follow_up", s.followUp());
        n.put("repeat_decision", s.repeat());
        ArrayNode authors = n.putArray("authors");
        s.authors().forEach(authors::add);
        n.put("post_count", s.postCount());
        ArrayNode posts = n.putArray("posts");
        for (PostBlock b : s.posts()) {
            ObjectNode pn = posts.addObject();
            post(pn, b.post());
            pn.put("unit", b.unit());
            ArrayNode joins = pn.putArray("joined_by");
            b.joinedBy().forEach(j -> join(joins.addObject(), j));
            if (b.closestRefused() == null) {
                pn.putNull("closest_refused");
            } else {
                refusal(pn.putObject("closest_refused"), b.closestRefused());
            }
        }
    }

    private static void post(ObjectNode n, PostRef p) {
        n.put("id", p.id());
        n.put("platform_id", p.platformId());
        n.put("url", p.url());
        n.put("handle", p.handle());
        n.put("at", p.at().toOffsetDateTime().toString());
        n.put("text", p.firstWords());
    }

    private static void join(ObjectNode n, Join j) {
        n.put("kind", j.kind().name().toLowerCase(Locale.ROOT));
        n.put("post", j.post());
        n.put("handle", j.handle());
        n.put("probability", j.probability());
        evidence(n, j.evidence());
    }

    private static void refusal(ObjectNode n, Refusal r) {
        n.put("why", r.why().name().toLowerCase(Locale.ROOT));
        n.put("post", r.post());
        n.put("handle", r.handle());
        n.put("probability", r.probability());
        evidence(n, r.evidence());
        n.put("mean_across", r.meanAcross());
        n.put("same_story", r.sameStory());
        n.put("story_rank", r.storyRank());
    }

    private static void evidence(ObjectNode n, PairEvidence e) {
        if (e == null) {
            n.putNull("evidence");
            n.putNull("features");
            return;
        }
        n.put("evidence", e.describe());
        ObjectNode f = n.putObject("features");
        f.put("similarity", e.similarity());
        f.put("name", e.name());
        f.put("name_key", e.nameKey());
        f.put("words", e.words());
        f.put("lead", e.lead());
        f.put("clash", e.clash());
        f.put("same_author", e.sameAuthor());
        f.put("same_link", e.sameLink());
        f.put("hours_apart", e.hoursApart());
        f.put("cross_script", e.crossScript());
    }
}
