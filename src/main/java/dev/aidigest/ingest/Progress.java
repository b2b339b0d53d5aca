package dev.aidigest.ingest;

/** Hears how far a long piece of work has come (a large import embedding its posts). */
public interface Progress {

    /** {@code done} of {@code total} units of {@code task} are finished. */
    void update(String task, int done, int total);

    Progress NONE = (task, done, total) -> {};
}
