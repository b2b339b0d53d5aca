package dev.aidigest.schedule;

import dev.aidigest.digest.Slot;

/** Makes one slot's digest and queues it to the chats: the same path as {@code digest --publish}. */
public interface DigestRun {

    /**
     * Builds, stores and publishes the digest of {@code slot} (rebuilding in place if it exists; each
     * subscription gets it once) and returns its row id in table digest.
     */
    long runSlot(Slot slot);
}
