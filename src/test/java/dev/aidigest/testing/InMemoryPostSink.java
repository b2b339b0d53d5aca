package dev.aidigest.testing;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostSink;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link PostSink} in memory, with the same "already present is left alone" rule as the store. */
public final class InMemoryPostSink implements PostSink {
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final Map<String, float[]> vectors = new LinkedHashMap<>();
    private int addCalls;
    private RuntimeException failNextAdd;

    @Override
    public synchronized Set<String> known(String platform, Collection<String> platformIds) {
        Set<String> out = new HashSet<>();
        for (String id : platformIds) {
            if (posts.containsKey(platform + ":" + id)) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public synchronized int add(List<Post> batch, List<float[]> embeddings, String model) {
        addCalls++;
        if (failNextAdd != null) {
            RuntimeException e = failNextAdd;
            failNextAdd = null;
            throw e;
        }
        if (batch.size() != embeddings.size()) {
            throw new IllegalArgumentException("posts and embeddings differ in size");
        }
        int added = 0;
        for (int i = 0; i < batch.size(); i++) {
            String key = batch.get(i).platform() + ":" + batch.get(i).platformId();
            if (!posts.containsKey(key)) {
                posts.put(key, batch.get(i));
                vectors.put(key, embeddings.get(i));
                added++;
            }
        }
        return added;
    }

    /** The next {@link #add} throws this instead of storing (a database failure). */
    public synchronized void failNextAdd(RuntimeException e) {
        failNextAdd = e;
    }

    public synchronized List<Post> posts() {
        return List.copyOf(posts.values());
    }

    public synchronized Post post(String platform, String id) {
        return posts.get(platform + ":" + id);
    }

    public synchronized float[] vector(String platform, String id) {
        return vectors.get(platform + ":" + id);
    }

    public synchronized int addCalls() {
        return addCalls;
    }
}
