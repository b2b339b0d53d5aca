package dev.aidigest.testing;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostSink;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PostSink} in memory, with the same rules as the store: a post already present is left
 * alone, and a vector is renewed only while another model's (or none) is stored.
 */
public final class InMemoryPostSink implements PostSink {
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final Map<String, float[]> vectors = new LinkedHashMap<>();
    private final Map<String, String> models = new LinkedHashMap<>();
    private final Map<Long, String> keys = new LinkedHashMap<>();
    private int addCalls;
    private int renewCalls;
    private RuntimeException failNextAdd;
    private RuntimeException failNextRenew;

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
                models.put(key, embeddings.get(i) == null ? null : model);
                keys.put(keys.size() + 1L, key);
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized List<Outdated> outdatedVectors(Instant since, String model, int limit) {
        return keys.entrySet().stream()
                .filter(e -> !posts.get(e.getValue()).createdAt().isBefore(since))
                .filter(e -> vectors.get(e.getValue()) == null || !model.equals(models.get(e.getValue())))
                .sorted(Comparator.comparing((Map.Entry<Long, String> e) ->
                                posts.get(e.getValue()).createdAt())
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new Outdated(e.getKey(), posts.get(e.getValue()).text()))
                .toList();
    }

    @Override
    public synchronized int renewVectors(List<Long> ids, List<float[]> renewed, String model) {
        renewCalls++;
        if (failNextRenew != null) {
            RuntimeException e = failNextRenew;
            failNextRenew = null;
            throw e;
        }
        if (ids.size() != renewed.size()) {
            throw new IllegalArgumentException("ids and vectors differ in size");
        }
        int changed = 0;
        for (int i = 0; i < ids.size(); i++) {
            String key = keys.get(ids.get(i));
            if (key != null && (vectors.get(key) == null || !model.equals(models.get(key)))) {
                vectors.put(key, renewed.get(i));
                models.put(key, model);
                changed++;
            }
        }
        return changed;
    }

    /** The next {@link #renewVectors} throws this instead of storing (a database failure). */
    public synchronized void failNextRenew(RuntimeException e) {
        failNextRenew = e;
    }

    /** The model named beside a post's vector (null when it has none). */
    public synchronized String model(String platform, String id) {
        return models.get(platform + ":" + id);
    }

    public synchronized int renewCalls() {
        return renewCalls;
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
