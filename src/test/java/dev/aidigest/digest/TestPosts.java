package dev.aidigest.digest;

import dev.aidigest.ingest.Post;
import java.time.Instant;
import java.util.List;

/** Small builders of stored posts for the pipeline tests. */
public final class TestPosts {

    private TestPosts() {}

    public static StoredPost post(long id, String handle, String text, Instant at, int likes, float[] vector) {
        return post(id, handle, handle, text, at, likes, null, vector);
    }

    public static StoredPost post(
            long id,
            String handle,
            String name,
            String text,
            Instant at,
            int likes,
            Post.Reference reference,
            float[] vector) {
        String pid = String.valueOf(1_990_000_000_000_000_000L + id);
        Post p = new Post(
                "x",
                pid,
                handle,
                name,
                text,
                at,
                "https://x.com/" + handle + "/status/" + pid,
                null,
                new Post.Metrics(likes, 0, 0, 0, 0),
                reference,
                List.of(),
                List.of(),
                pid);
        return new StoredPost(id, p, vector);
    }

    public static StoredPost withReference(StoredPost sp, Post.Reference reference, String conversationId) {
        Post p = sp.post();
        return new StoredPost(
                sp.id(),
                new Post(
                        p.platform(),
                        p.platformId(),
                        p.authorHandle(),
                        p.authorName(),
                        p.text(),
                        p.createdAt(),
                        p.url(),
                        p.lang(),
                        p.metrics(),
                        reference,
                        p.links(),
                        p.media(),
                        conversationId),
                sp.embedding());
    }

    /** A unit vector along one axis: posts with the same axis are identical, different axes unrelated. */
    public static float[] axis(int k) {
        float[] v = new float[512];
        v[k] = 1f;
        return v;
    }
}
