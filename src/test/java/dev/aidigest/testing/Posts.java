package dev.aidigest.testing;

import dev.aidigest.ingest.Post;
import java.time.Instant;
import java.util.List;

/** Small builders for posts in tests. */
public final class Posts {
    private Posts() {}

    public static Post x(String id, String handle, String name, String text, Instant at) {
        return new Post(
                "x",
                id,
                handle,
                name,
                text,
                at,
                "https://x.com/" + handle + "/status/" + id,
                "en",
                new Post.Metrics(10, 2, 1, 0, 1000),
                null,
                List.of(),
                List.of(),
                id);
    }

    public static Post x(String id, String handle, String text, Instant at, int likes) {
        return new Post(
                "x",
                id,
                handle,
                handle,
                text,
                at,
                "https://x.com/" + handle + "/status/" + id,
                "en",
                new Post.Metrics(likes, 0, 0, 0, 0),
                null,
                List.of(),
                List.of(),
                id);
    }
}
