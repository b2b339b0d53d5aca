package dev.aidigest.ingest.spend;

import java.time.Instant;
import java.util.Optional;

/** The accounts of every paid read (implemented over tables by {@code store.ReadLedgerStore}). */
public interface SpendLedger {

    /**
     * Stores one call and charges it by {@code tariff}: with {@code oncePerDay}, only the posts and
     * users not yet charged on {@code at}'s UTC day count. Returns what was charged, in micro-dollars.
     */
    long record(String provider, Tariff tariff, ReadCall call, Instant at);

    /** The calls of {@code provider} in {@code [from, to)}. */
    ReadTotals totals(String provider, Instant from, Instant to);

    /** A small remembered fact of a provider's governor (paused until, already told). */
    Optional<String> flag(String provider, String key);

    /** Sets a flag; null removes it. */
    void flag(String provider, String key, String value);
}
