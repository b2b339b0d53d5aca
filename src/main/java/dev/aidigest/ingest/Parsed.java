package dev.aidigest.ingest;

import java.util.List;

/**
 * What a parser made of a file.
 *
 * @param posts        the posts, in file order, each within the limits of {@link PostCheck}
 * @param unattributed entries left out because no author handle (or no time) could be found for
 *                     them, e.g. X API tweets fetched with default fields and no {@code includes}
 * @param skipped      entries refused by {@link PostCheck} (a future date, a non-numeric X id, ...),
 *                     in file order: a source stores the rest and logs these; an import stores the
 *                     rest and then fails naming the first
 */
public record Parsed(List<Post> posts, int unattributed, List<Skipped> skipped) {
    public Parsed {
        posts = List.copyOf(posts);
        skipped = List.copyOf(skipped);
    }

    public Parsed(List<Post> posts, int unattributed) {
        this(posts, unattributed, List.of());
    }

    /**
     * One refused entry.
     *
     * @param entry  how to find it in the input ({@code line 7}, {@code X post 1993...}, {@code feed entry 3})
     * @param reason one sentence
     */
    public record Skipped(String entry, String reason) {
        @Override
        public String toString() {
            return entry + ": " + reason;
        }
    }
}
