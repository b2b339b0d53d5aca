package dev.aidigest.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Posts held in memory; remembers what the pipeline asked for. */
public final class FakePosts implements Posts {

    final List<StoredPost> all = new ArrayList<>();
    final Map<String, Double> norms = new HashMap<>();
    final List<Instant[]> windowsAsked = new ArrayList<>();
    boolean returnEverything;

    public FakePosts add(StoredPost... posts) {
        all.addAll(List.of(posts));
        return this;
    }

    @Override
    public List<StoredPost> inWindow(Instant start, Instant end) {
        windowsAsked.add(new Instant[] {start, end});
        if (returnEverything) {
            return List.copyOf(all); // a sloppy store: the pipeline must still keep to its window
        }
        return all.stream()
                .filter(p -> !p.post().createdAt().isBefore(start)
                        && p.post().createdAt().isBefore(end))
                .sorted((a, b) -> a.post().createdAt().compareTo(b.post().createdAt()))
                .toList();
    }

    @Override
    public Map<String, Double> authorNorms(Instant since, Instant until) {
        return Map.copyOf(norms);
    }

    @Override
    public List<StoredPost> byIds(Collection<Long> ids) {
        return all.stream().filter(p -> ids.contains(p.id())).toList();
    }
}
