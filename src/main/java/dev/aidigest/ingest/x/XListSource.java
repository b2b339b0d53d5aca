package dev.aidigest.ingest.x;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.spend.ReadBudget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * An X List through {@code GET /2/lists/:id/tweets}: one poll brings the posts of all its members,
 * where following them one by one takes a timeline request each. The endpoint has no
 * {@code since_id}: pages are read newest first until one reaches the newest post seen before (at
 * most a few pages a round; the first round reads one). Members' names come from the
 * {@code author_id} expansion. Its rate limit window is honoured from the response headers.
 */
public final class XListSource implements Source {

    static final String NEWEST = "newest_id";
    private static final int MAX_PAGES = 5;
    private static final String ENDPOINT = "/2/lists/:id/tweets";

    private final XApiClient api;
    private final String listId;
    private final int maxResults;
    private final XApiV2Parser parser;

    /** @param budget the X spend governor every call goes through; null: unmetered */
    public XListSource(
            OkHttpClient http,
            String baseUrl,
            String bearerToken,
            String listId,
            int maxResults,
            XApiV2Parser parser,
            long maxBytes,
            ReadBudget budget,
            Clock clock) {
        this.api = new XApiClient(http, baseUrl, bearerToken, maxBytes, budget, clock);
        this.listId = listId;
        this.maxResults = Math.max(1, Math.min(100, maxResults));
        this.parser = parser;
    }

    @Override
    public String name() {
        return "x-list:" + listId;
    }

    @Override
    public List<Post> fetch(SourceState state) throws SourceException {
        String seen = state.get(NEWEST).orElse(null);
        List<Post> posts = new ArrayList<>();
        String newest = seen;
        String token = null;
        int pages = 0;
        XApiClient.Reading<XPage> reading = XApiSource.reading(parser, Attribution.NONE);
        do {
            var url = api.url("2/lists")
                    .addPathSegment(listId)
                    .addPathSegment("tweets")
                    .addQueryParameter("max_results", Integer.toString(api.tweetPage(maxResults)))
                    .addQueryParameter("tweet.fields", XApiSource.TWEET_FIELDS)
                    .addQueryParameter("expansions", XApiSource.EXPANSIONS)
                    .addQueryParameter("user.fields", XApiSource.USER_FIELDS);
            if (token != null) {
                url.addQueryParameter("pagination_token", token);
            }
            XPage page = api.get(url.build(), ENDPOINT, state, reading);
            boolean reachedSeen = false;
            for (Post p : page.parsed().posts()) {
                if (seen == null || newerThan(p.platformId(), seen)) {
                    posts.add(p);
                }
            }
            for (String id : page.postIds()) {
                reachedSeen |= seen != null && !newerThan(id, seen);
            }
            newest = XPage.newer(newest, page.newestId());
            token = reachedSeen ? null : page.nextToken();
            pages++;
        } while (seen != null && token != null && pages < MAX_PAGES);
        if (newest != null && !newest.equals(seen)) {
            state.put(NEWEST, newest);
        }
        return posts;
    }

    private static boolean newerThan(String id, String than) {
        return !id.equals(than) && XPage.newer(id, than).equals(id);
    }
}
