package dev.aidigest.ingest.twitterapi;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.spend.ReadBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * An X List marked {@code reader: twitterapi}, read through twitterapi.io's list tweets endpoint
 * ({@code GET /twitter/list/tweets?listId=&sinceTime=&cursor=}): one call a round brings the posts of
 * all its members, newest first, 20 a page. The newest post time seen is the next round's
 * {@code sinceTime} (the first round looks back one digest window); a backlog longer than the page
 * limit is finished from its cursor in the next rounds ({@link ResumableQuery}). Members' names come
 * from the tweets' author objects.
 */
public final class TwitterApiIoListSource implements Source {

    static final String ENDPOINT = "/twitter/list/tweets";
    static final String SINCE = "since_time";
    private static final Duration FIRST_LOOK_BACK = Duration.ofHours(4);

    private final TwitterApiIoClient api;
    private final String listId;
    private final ResumableQuery pages;
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
        this.pages = new ResumableQuery(api, ENDPOINT, maxPages);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "twitterapi-list:" + listId;
    }

    @Override
    public List<Post> fetch(SourceState state) throws SourceException {
        return pages.read(state, SINCE, clock.instant().minus(FIRST_LOOK_BACK).getEpochSecond(), (since, cursor) -> {
            var url = api.url(ENDPOINT.substring(1))
                    .addQueryParameter("listId", listId)
                    .addQueryParameter("sinceTime", Long.toString(since))
                    .addQueryParameter("includeReplies", "true");
            if (cursor != null) {
                url.addQueryParameter("cursor", cursor);
            }
            return url.build();
        });
    }
}
