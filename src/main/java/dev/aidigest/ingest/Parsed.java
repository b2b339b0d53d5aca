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
    /** Characters of a reason; a JSON error can quote up to 256 of the line, a bad value any number. */
    static final int MAX_REASON = 200;

    public Parsed {
        posts = List.copyOf(posts);
        skipped = List.copyOf(skipped);
    }

    public Parsed(List<Post> posts, int unattributed) {
        this(posts, unattributed, List.of());
    }

    /**
     * This, as a file to import. A file with refused entries and not one post is not what its format
     * is for (the wrong kind of file, or a broken export): it is refused whole, as a file in the wrong
     * syntax is, rather than "imported" with nothing stored.
     *
     * @param file    the file as a message names it, without article: {@code X API v2 file}, {@code feed}
     * @param entries what its entries are called, plural: {@code lines}, {@code entries}
     * @throws BadInputException naming the first refused entry, when no entry is a post and one was refused
     */
    public Parsed importable(String file, String entries) {
        if (!posts.isEmpty() || skipped.isEmpty()) {
            return this;
        }
        int none = skipped.size() + unattributed;
        if (none == 1) {
            throw new BadInputException("The " + file + " holds no post: " + skipped.get(0));
        }
        String without = unattributed == 0 ? "" : " (" + unattributed + " without an author or a time)";
        String first = unattributed == 0 ? "the first: " : "the first bad one: ";
        throw new BadInputException("None of the " + none + " " + entries + " of the " + file + " is a post" + without
                + ", " + first + skipped.get(0));
    }

    /**
     * One refused entry. Both parts quote the file's own characters (a JSON error shows the token it
     * stopped at, a bad date is shown as given): they are made fit for one line of the CLI or the log
     * here, once for every parser, losing their control characters, and a long reason is cut.
     *
     * @param entry  how to find it in the input ({@code line 7}, {@code X post 1993...}, {@code feed entry 3})
     * @param reason one sentence
     */
    public record Skipped(String entry, String reason) {
        public Skipped {
            entry = PostCheck.strip(entry, false).strip();
            reason = oneLine(reason);
        }

        @Override
        public String toString() {
            return entry + ": " + reason;
        }

        private static String oneLine(String reason) {
            String one = PostCheck.strip(reason, false).strip();
            if (one.length() <= MAX_REASON) {
                return one;
            }
            return PostCheck.clip(one, MAX_REASON - 3) + "...";
        }
    }
}
