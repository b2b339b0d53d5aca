package dev.aidigest.ingest;

import java.util.List;

/**
 * What a parser made of a file.
 *
 * @param posts        the posts, in file order
 * @param unattributed entries left out because no author handle (or no time) could be found for
 *                     them, e.g. X API tweets fetched with default fields and no {@code includes}
 */
public record Parsed(List<Post> posts, int unattributed) {
    public Parsed {
        posts = List.copyOf(posts);
    }
}
