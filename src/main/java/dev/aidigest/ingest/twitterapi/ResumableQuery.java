package dev.aidigest.ingest.twitterapi;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One twitterapi.io query read page by page, newest first, from the newest post time the last round
 * saw ({@code sinceTime}) and up to {@code maxPages} pages a round. When a round ends with pages left
 * (the page limit, or a 429 after some pages), the cursor is kept with the {@code sinceTime} it
 * belongs to, and the next round finishes that query before it asks for newer posts: nothing is
 * skipped and nothing read twice. A failure on the first page keeps nothing, so the next round
 * starts where this one did. The state lives under {@code key} ({@code key.cursor},
 * {@code key.cursor_since}, {@code key.cursor_newest} beside it).
 */
final class ResumableQuery {

    private static final Logger log = LoggerFactory.getLogger(ResumableQuery.class);

    /** The URL of one page: the query bounded by {@code sinceTime}, at {@code cursor} (null: the first page). */
    @FunctionalInterface
    interface Page {
        HttpUrl url(long sinceTime, String cursor);
    }

    private final TwitterApiIoClient api;
    private final String endpoint;
    private final int maxPages;

    ResumableQuery(TwitterApiIoClient api, String endpoint, int maxPages) {
        this.api = api;
        this.endpoint = endpoint;
        this.maxPages = Math.max(1, maxPages);
    }

    /** This round's posts of the query whose state is under {@code key}; {@code firstSince} when it has none. */
    List<Post> read(SourceState state, String key, long firstSince, Page page) throws SourceException {
        String cursor = value(state, key + ".cursor");
        long since;
        long newest;
        if (cursor != null) {
            since = Long.parseLong(value(state, key + ".cursor_since"));
            newest = Long.parseLong(value(state, key + ".cursor_newest"));
        } else {
            since = state.get(key).map(Long::parseLong).orElse(firstSince);
            newest = since;
        }
        List<Post> posts = new ArrayList<>();
        int pages = 0;
        do {
            TwitterApiIoTweets.Page got;
            try {
                got = api.page(page.url(since, cursor), endpoint, "tweets");
            } catch (SourceException e) {
                if (e.retryAfter() == null || pages == 0) {
                    throw e; // nothing is kept of this round: the next one starts where this one did
                }
                log.warn("twitterapi.io {} stopped after {} pages: {}", key, pages, e.getMessage());
                break; // keep what came and the cursor that failed
            }
            for (Post p : got.posts()) {
                long at = p.createdAt().getEpochSecond();
                if (at > since) { // read before: sinceTime bounds the query, also if it is taken inclusively
                    posts.add(p);
                    newest = Math.max(newest, at);
                }
            }
            cursor = got.nextCursor();
            pages++;
        } while (cursor != null && pages < maxPages);
        if (cursor == null) {
            state.put(key, Long.toString(newest));
            state.put(key + ".cursor", "");
        } else {
            state.put(key + ".cursor", cursor);
            state.put(key + ".cursor_since", Long.toString(since));
            state.put(key + ".cursor_newest", Long.toString(newest));
        }
        return posts;
    }

    private static String value(SourceState state, String key) {
        return state.get(key).filter(v -> !v.isBlank()).orElse(null);
    }
}
