package dev.aidigest.ingest;

/**
 * Counts of one import or one fetch.
 *
 * @param read         posts understood in the input
 * @param added        posts stored now (embedded once)
 * @param duplicates   posts already stored, or repeated in the input: neither embedded nor stored
 * @param unattributed entries left out because no author (or time) could be found
 */
public record ImportResult(int read, int added, int duplicates, int unattributed) {}
