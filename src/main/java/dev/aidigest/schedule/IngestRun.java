package dev.aidigest.schedule;

/** Fetches every configured source once (wired to the ingest service). */
public interface IngestRun {

    /** One round over the sources; a failing source must not stop the others. */
    void runOnce();
}
