package dev.aidigest.testing;

import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.SummaryCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link SummaryCache} in a map, counting hits and writes. */
public final class MemorySummaryCache implements SummaryCache {

    private final Map<String, StorySummary> entries = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();

    @Override
    public Optional<StorySummary> get(String contentHash, String engine) {
        StorySummary s = entries.get(contentHash + "|" + engine);
        if (s != null) {
            hits.incrementAndGet();
        }
        return Optional.ofNullable(s);
    }

    @Override
    public void put(String contentHash, String engine, StorySummary summary) {
        puts.incrementAndGet();
        entries.put(contentHash + "|" + engine, summary);
    }

    public int hits() {
        return hits.get();
    }

    public int puts() {
        return puts.get();
    }

    public int size() {
        return entries.size();
    }
}
