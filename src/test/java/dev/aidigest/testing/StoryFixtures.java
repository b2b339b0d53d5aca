package dev.aidigest.testing;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.ingest.Post;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds X posts and stories for summarizer tests, with ids that never repeat within a run. */
public final class StoryFixtures {

    private static final Instant BASE = Instant.parse("2025-11-26T05:00:00Z");
    private final AtomicLong ids = new AtomicLong(1993350000000000000L);

    /** An X post by {@code handle} ({@code name} as displayed) with the given text. */
    public StoredPost post(String handle, String name, String text) {
        long id = ids.incrementAndGet();
        Post p = new Post(
                "x",
                Long.toString(id),
                handle,
                name,
                text,
                BASE.plusSeconds(id % 10_000),
                "https://x.com/" + handle + "/status/" + id,
                null,
                new Post.Metrics(100, 10, 5, 2, 10_000),
                null,
                List.of(),
                List.of(),
                Long.toString(id));
        return new StoredPost(id - 1993350000000000000L, p, null);
    }

    public Story story(StoredPost... posts) {
        return new Story(List.of(posts));
    }

    /** A one-post story. */
    public Story story(String handle, String name, String text) {
        return story(post(handle, name, text));
    }
}
