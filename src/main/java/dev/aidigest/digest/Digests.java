package dev.aidigest.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where built digests are kept (implemented by {@code store.DigestStore}). */
public interface Digests {

    /**
     * Saves the digest and its rendered markdown; a digest already stored for the slot is replaced in
     * place (same row id). Returns the row id.
     */
    long save(Digest digest, String markdown);

    /** Items of digests whose window ended in {@code [since, until)} — for "no repeat within 24 h". */
    List<PastItem> itemsEndedBetween(Instant since, Instant until);

    /** The stored markdown of a slot's digest. */
    Optional<String> markdown(String slot);

    /** An item of an earlier digest and the posts it was made from. */
    record PastItem(String slot, String storyKey, String headline, List<Long> postIds) {}
}
