package dev.aidigest.digest.filter;

import dev.aidigest.digest.StoredPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a filter did on one labelled set: noise dropped out of all noise, story posts dropped out of
 * all story posts, and the misses of each kind, printable.
 *
 * @param noiseKept   noise posts the filter let through, as "id author: text [label]"
 * @param storyLost   story posts the filter dropped, as "id author REASON: text"
 */
record FilterScore(
        String name, int noise, int noiseDropped, int stories, List<String> noiseKept, List<String> storyLost) {

    /** @param reason the filter under test: why a post is dropped, or null when it is kept */
    static FilterScore of(
            String name,
            List<StoredPost> posts,
            Map<Long, String> noise,
            Set<Long> story,
            Function<StoredPost, Object> reason) {
        int noiseDropped = 0;
        int stories = 0;
        List<String> noiseKept = new ArrayList<>();
        List<String> storyLost = new ArrayList<>();
        for (StoredPost p : posts) {
            Object r = reason.apply(p);
            if (noise.containsKey(p.id())) {
                if (r != null) {
                    noiseDropped++;
                } else {
                    noiseKept.add(line(p, "[" + noise.get(p.id()) + "]"));
                }
            } else if (story.contains(p.id())) {
                stories++;
                if (r != null) {
                    storyLost.add(line(p, String.valueOf(r)));
                }
            }
        }
        return new FilterScore(name, noise.size(), noiseDropped, stories, noiseKept, storyLost);
    }

    private static String line(StoredPost p, String note) {
        String text = p.post().text().replace('\n', ' ');
        int cut = text.codePointCount(0, text.length()) > 110 ? text.offsetByCodePoints(0, 110) : text.length();
        return p.post().platformId() + " @" + p.post().authorHandle() + " " + note + ": " + text.substring(0, cut)
                + (cut < text.length() ? "…" : "");
    }

    String summary() {
        return String.format(
                "%-16s noise dropped %2d/%2d   story posts lost %d/%d",
                name, noiseDropped, noise, storyLost.size(), stories);
    }

    String report() {
        StringBuilder b = new StringBuilder(summary()).append('\n');
        noiseKept.forEach(l -> b.append("    noise kept: ").append(l).append('\n'));
        storyLost.forEach(l -> b.append("    story lost: ").append(l).append('\n'));
        return b.toString();
    }
}
