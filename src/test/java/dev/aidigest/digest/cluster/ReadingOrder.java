package dev.aidigest.digest.cluster;

import dev.aidigest.digest.StoredPost;
import java.util.List;

/**
 * The pipeline's reading order of a story's posts (lead first), for tests outside this package that
 * build stories from labels instead of clustering them.
 */
public final class ReadingOrder {

    private ReadingOrder() {}

    public static List<StoredPost> of(List<StoredPost> posts) {
        return StoryOrder.ordered(posts);
    }
}
