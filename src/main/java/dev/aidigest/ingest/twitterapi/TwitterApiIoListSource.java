package dev.aidigest.ingest.twitterapi;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.spend.ReadBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An X List marked {@code reader: twitterapi}, read through twitterapi.io's list tweets endpoint
 * ({@code GET /twitter/list/tweets?listId=&sinceTime=&cursor=}): one call a round brings the posts of
 * all its members, newest first, 20 a page. The newest post time seen is the next round's
 * {@code sinceTime} (the first round looks back one digest window). When a round ends with pages
 * left (the page limit, or a 429 after some pages), the cursor is kept with the query it belongs to
 * and the next round finishes that query before asking for newer posts, so nothing between the two
 * is skipped and nothing is read twice. Members' names come from the tweets' author objects.
 */
public final class TwitterApiIoListSource implements Source {

    private static final Logger log = LoggerFactory.getLogger(TwitterApiIoListSource.class);
    static final String ENDPOINT = "/twitter/list/tweets";
    static final String SINCE = "since_time";
    static final String CURSOR = "cursor";
    static final String CURSOR_SINCE = "cursor.since_time";
    static final String CURSOR_NEWEST = "cursor.newest";
    private static final Duration FIRST_LOOK_BACK = Duration.ofHours(4);

    private final TwitterApiIoClient api;
    private final String listId;
    private final int maxPages;
    private final Clock clock;

    /** @param budget the twitterapi.io spend governor; null: unmetered */
    public TwitterApiIoListSource(
            OkHttpClient http,
            String baseUrl,
            String apiKey,
            String listId,
            int maxPages,
            Map<String, String> displayNames,
            long maxBytes,
            ReadBudget budget,
            Clock clock) {
        this.api = new TwitterApiIoClient(
                http, baseUrl, apiKey, maxBytes, budget, new TwitterApiIoTweets(displayNames), clock);
        this.listId = listId;
        this.maxPages = Math.max(1, maxPages);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "twitterapi-list:" + listId;
    }

    @Override
    public List<Post> fetch(SourceState state) throws SourceException {
        String cursor = value(state, CURSOR);
        long since;
        long newest;
        if (cursor != null) {
            since = Long.parseLong(value(state, CURSOR_SINCE));
            newest = Long.parseLong(value(state, CURSOR_NEWEST));
        } else {
            since = state.get(SINCE)
                    .map(Long::parseLong)
                    .orElseGet(() -> clock.instant().minus(FIRST_LOOK_BACK).getEpochSecond());
            newest = since;
        }
        List<Post> posts = new ArrayList<>();
        int pages = 0;
        do {
            var url = api.url(ENDPOINT.substring(1))
                    .addQueryParameter("listId", listId)
                    .addQueryParameter("sinceTime", Long.toString(since))
                    .addQueryParameter("includeReplies", "true");
            if (cursor != null) {
                url.addQueryParameter("cursor", cursor);
            }
            TwitterApiIoTweets.Page page;
            try {
                page = api.page(url.build(), ENDPOINT, "tweets");
            } catch (SourceException e) {
                if (e.retryAfter() == null || pages == 0) {
                    throw e; // nothing is kept of this round: the next one starts where this one did
                }
                log.warn("twitterapi.io list {} stopped after {} pages: {}", listId, pages, e.getMessage());
                break; // keep what came and the cursor that failed
            }
            for (Post p : page.posts()) {
                long at = p.createdAt().getEpochSecond();
                if (at > since) { // read before: sinceTime bounds the query, also if it is taken inclusively
                    posts.add(p);
                    newest = Math.max(newest, at);
                }
            }
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < maxPages);
        if (cursor == null) {
            state.put(SINCE, Long.toString(newest));
            state.put(CURSOR, "");
        } else {
            state.put(CURSOR, cursor);
            state.put(CURSOR_SINCE, Long.toString(since));
            state.put(CURSOR_NEWEST, Long.toString(newest));
        }
        return posts;
    }

    private static String value(SourceState state, String key) {
        return state.get(key).filter(v -> !v.isBlank()).orElse(null);
    }
}
