package dev.aidigest.schedule;

import dev.aidigest.digest.Slot;

/** Builds and stores one slot's digest (the digest pipeline and the digest store, as the wiring joins them). */
public interface DigestRun {

    /** Builds the digest of {@code slot} (rebuilding in place if it exists) and returns its row id in table digest. */
    long runSlot(Slot slot);
}
