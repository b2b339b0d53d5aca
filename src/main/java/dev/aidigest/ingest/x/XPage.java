package dev.aidigest.ingest.x;

import dev.aidigest.ingest.Parsed;
import java.util.List;

/**
 * One X API v2 response.
 *
 * @param newestId  the largest tweet id in it (including tweets left out), or null when empty
 * @param nextToken {@code meta.next_token} for the next (older) page, or null
 * @param postIds   every post in the answer, {@code data} and {@code includes.tweets} (what is billed)
 * @param userIds   every user in {@code includes.users}
 */
public record XPage(Parsed parsed, String newestId, String nextToken, List<String> postIds, List<String> userIds) {

    public XPage {
        postIds = List.copyOf(postIds);
        userIds = List.copyOf(userIds);
    }

    public XPage(Parsed parsed, String newestId, String nextToken) {
        this(parsed, newestId, nextToken, List.of(), List.of());
    }

    /** The larger of two tweet ids (ids are decimal strings of growing numbers); nulls lose. */
    public static String newer(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.length() != b.length()) {
            return a.length() > b.length() ? a : b;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
