package dev.aidigest.schedule;

import dev.aidigest.digest.Slot;

/** Builds and stores one slot's digest (wired by the lead to the digest pipeline + DigestStore). */
public interface DigestRun {

    /** Builds the digest of {@code slot} (rebuilding in place if it exists) and returns its row id in table digest. */
    long runSlot(Slot slot);
}
