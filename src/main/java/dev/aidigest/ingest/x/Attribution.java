package dev.aidigest.ingest.x;

import java.util.Map;

/**
 * What the caller knows about authors beyond the response itself. Responses fetched with default
 * fields have neither {@code author_id} nor {@code includes}: a timeline's tweets still belong to
 * the timeline's owner, and ids looked up earlier still name their users.
 *
 * @param handleByUserId user id → handle, e.g. from an earlier {@code /2/users/by} lookup
 * @param timelineHandle the handle whose timeline this is (tweets without an author are theirs), or null
 */
public record Attribution(Map<String, String> handleByUserId, String timelineHandle) {
    public static final Attribution NONE = new Attribution(Map.of(), null);

    public Attribution {
        handleByUserId = Map.copyOf(handleByUserId);
    }

    /** Tweets of one user's timeline. */
    public static Attribution timelineOf(String userId, String handle) {
        return new Attribution(Map.of(userId, handle), handle);
    }
}
