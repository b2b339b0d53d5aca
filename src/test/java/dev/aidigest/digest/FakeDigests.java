package dev.aidigest.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Earlier digests' items, each with the end of its window; answers the 24-hour query honestly. */
public final class FakeDigests implements Digests {

    private record Ended(Instant windowEnd, PastItem item) {}

    private final List<Ended> items = new ArrayList<>();
    public final List<Instant[]> asked = new ArrayList<>();

    public FakeDigests told(Instant windowEnd, String slot, String headline, List<Long> postIds) {
        items.add(new Ended(windowEnd, new PastItem(slot, "key-" + slot + "-" + items.size(), headline, postIds)));
        return this;
    }

    @Override
    public long save(Digest digest, String markdown) {
        throw new UnsupportedOperationException("the pipeline does not save");
    }

    @Override
    public List<PastItem> itemsEndedBetween(Instant since, Instant until) {
        asked.add(new Instant[] {since, until});
        return items.stream()
                .filter(e -> !e.windowEnd().isBefore(since) && e.windowEnd().isBefore(until))
                .map(Ended::item)
                .toList();
    }

    @Override
    public Optional<String> markdown(String slot) {
        return Optional.empty();
    }
}
