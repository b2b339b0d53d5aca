package dev.aidigest.digest;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A built 4-hour digest.
 *
 * @param madeAt       when it was built, in the digest's zone (the front matter {@code date})
 * @param postsRead    posts in the window before filtering
 * @param accountsRead distinct authors in the window
 */
public record Digest(
        Slot slot,
        ZonedDateTime madeAt,
        List<String> categories,
        List<DigestItem> items,
        int postsRead,
        int accountsRead,
        LlmUsage usage,
        String engine) {

    public Digest {
        categories = List.copyOf(categories);
        items = List.copyOf(items);
    }

    public boolean offline() {
        return "offline".equals(engine);
    }
}
