package dev.aidigest.digest;

import java.util.List;

/**
 * One numbered entry of a digest.
 *
 * @param url     link to the lead post ({@code https://x.com/<handle>/status/<id>})
 * @param authors display names, most relevant first
 * @param postIds database ids of every post of the story
 */
public record DigestItem(
        int position,
        String storyKey,
        String headline,
        String summary,
        String url,
        List<String> authors,
        List<Long> postIds,
        boolean followUp,
        double score,
        boolean offline) {

    public DigestItem {
        authors = List.copyOf(authors);
        postIds = List.copyOf(postIds);
    }
}
