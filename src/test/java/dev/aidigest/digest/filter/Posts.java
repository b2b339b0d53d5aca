package dev.aidigest.digest.filter;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Post;
import java.time.Instant;
import java.util.List;

/** Posts for the filter's tests: X posts by a handle, alone or answering another post. */
final class Posts {

    static final Instant T = Instant.parse("2025-11-26T05:00:00Z");

    private Posts() {}

    static StoredPost post(long id, String handle, String text) {
        return post(id, handle, text, null);
    }

    static StoredPost reply(long id, String handle, String toHandle, long toId, String text) {
        return post(id, handle, text, new Post.Reference("replied_to", platformId(toId), toHandle));
    }

    static StoredPost post(long id, String handle, String text, Post.Reference reference) {
        String pid = platformId(id);
        Post p = new Post(
                "x",
                pid,
                handle,
                handle,
                text,
                T.plusSeconds(id),
                "https://x.com/" + handle + "/status/" + pid,
                null,
                new Post.Metrics(10, 0, 0, 0, 0),
                reference,
                List.of(),
                List.of(),
                pid);
        return new StoredPost(id, p, null);
    }

    static String platformId(long id) {
        return String.valueOf(1_990_000_000_000_000_000L + id);
    }
}
