package dev.aidigest.command;

import java.time.Instant;
import java.util.List;

/**
 * A stored digest as chats show it, read back from the database (not from the markdown file).
 *
 * @param kind   {@code digest} or {@code report}
 * @param engine {@code offline} or the LLM model that wrote the summaries
 */
public record ArchivedDigest(
        long id,
        String kind,
        String slot,
        String title,
        Instant windowEnd,
        List<String> categories,
        List<Item> items,
        String engine) {

    public ArchivedDigest {
        categories = List.copyOf(categories);
        items = List.copyOf(items);
    }

    /** One numbered entry; {@code summary} may carry {@code **bold**}. */
    public record Item(int position, String headline, String summary, String url, List<String> authors) {
        public Item {
            authors = List.copyOf(authors);
        }
    }
}
