package dev.aidigest.command;

import java.util.Optional;

/** Read side of the stored digests (implemented by {@code store.ArchiveStore}). */
public interface Archive {

    /** The newest digest of this kind ({@code digest} or {@code report}). */
    Optional<ArchivedDigest> latest(String kind);

    /** The digest of one slot name ({@code 2025.11.26.16}). */
    Optional<ArchivedDigest> bySlot(String kind, String slot);

    /** A digest by row id (the outbox points at these). */
    Optional<ArchivedDigest> byId(long id);
}
