package dev.aidigest.ingest.x;

import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostCheck;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.http.HttpClients;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The followed accounts through the X API v2: user ids are looked up once and kept in the source
 * state, then each account's timeline is read from its last seen id ({@code since_id}).
 */
public final class XApiSource implements Source {
    private static final Logger log = LoggerFactory.getLogger(XApiSource.class);
    static final String TWEET_FIELDS = "created_at,lang,public_metrics,referenced_tweets,entities,note_tweet,"
            + "conversation_id,in_reply_to_user_id,attachments,author_id";
    static final String EXPANSIONS =
            "author_id,referenced_tweets.id,referenced_tweets.id.author_id,attachments.media_keys";
    static final String USER_FIELDS = "name,username";
    /** With a since_id, older pages are followed so a busy account loses nothing between rounds. */
    private static final int MAX_PAGES = 5;

    private static final int USERS_PER_LOOKUP = 100;
    static final String NEXT_ACCOUNT = "next_account";

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final String bearerToken;
    private final List<String> handles;
    private final int maxResults;
    private final XApiV2Parser parser;
    private final long maxBytes;

    /**
     * @param baseUrl    {@code https://api.x.com} or a test server ({@code x.api_url})
     * @param maxResults per timeline page, clamped to the API's 5..100
     */
    public XApiSource(
            OkHttpClient http,
            String baseUrl,
            String bearerToken,
            List<String> handles,
            int maxResults,
            XApiV2Parser parser,
            long maxBytes) {
        this.http = http;
        this.baseUrl = HttpUrl.get(baseUrl);
        this.bearerToken = bearerToken;
        this.handles = List.copyOf(handles);
        this.maxResults = Math.max(5, Math.min(100, maxResults));
        this.parser = parser;
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return "x-api";
    }

    /**
     * Reads every account's new posts. A rate limit that strikes midway does not lose the accounts
     * already read: their posts are returned and the next round starts at the account that was
     * refused, so with many accounts and a small quota every account still gets its turn.
     */
    @Override
    public List<Post> fetch(SourceState state) throws SourceException {
        Map<String, String> ids = userIds(state);
        List<String> order = rotated(state.get(NEXT_ACCOUNT).orElse(null));
        List<Post> posts = new ArrayList<>();
        int done = 0;
        for (String handle : order) {
            String id = ids.get(handle);
            if (id == null) {
                continue;
            }
            try {
                posts.addAll(timeline(handle, id, state));
                done++;
            } catch (SourceException e) {
                if (e.retryAfter() == null || done == 0) {
                    throw e;
                }
                log.warn("X API rate limit after {} accounts; @{} and the rest go first next round", done, handle);
                state.put(NEXT_ACCOUNT, handle.toLowerCase(Locale.ROOT));
                return posts;
            }
        }
        if (!order.isEmpty()) {
            state.put(NEXT_ACCOUNT, order.get(0).toLowerCase(Locale.ROOT));
        }
        return posts;
    }

    /** The configured handles starting at {@code first} (when it is one of them), wrapping around. */
    private List<String> rotated(String first) {
        int start = 0;
        for (int i = 0; i < handles.size(); i++) {
            if (handles.get(i).equalsIgnoreCase(first)) {
                start = i;
            }
        }
        List<String> out = new ArrayList<>(handles.subList(start, handles.size()));
        out.addAll(handles.subList(0, start));
        return out;
    }

    /** handle → user id, asking the API only for handles not seen before. */
    private Map<String, String> userIds(SourceState state) throws SourceException {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String handle : handles) {
            state.get(userKey(handle)).ifPresentOrElse(id -> ids.put(handle, id), () -> missing.add(handle));
        }
        for (int from = 0; from < missing.size(); from += USERS_PER_LOOKUP) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + USERS_PER_LOOKUP));
            HttpUrl url = baseUrl.newBuilder()
                    .addPathSegments("2/users/by")
                    .addQueryParameter("usernames", String.join(",", chunk))
                    .addQueryParameter("user.fields", USER_FIELDS)
                    .build();
            Map<String, XUser> found = read(url, parser::users);
            for (String handle : chunk) {
                XUser user = found.get(handle.toLowerCase(Locale.ROOT));
                if (user == null) {
                    log.warn("X account @{} not found; check sources.yml", handle);
                } else {
                    state.put(userKey(handle), user.id());
                    ids.put(handle, user.id());
                }
            }
        }
        return ids;
    }

    private List<Post> timeline(String handle, String userId, SourceState state) throws SourceException {
        String sinceKey = "since_id." + userId;
        String since = state.get(sinceKey).filter(PostCheck::isXId).orElse(null);
        Attribution who = Attribution.timelineOf(userId, handle);
        List<Post> posts = new ArrayList<>();
        String newest = since;
        String token = null;
        int pages = 0;
        do {
            HttpUrl.Builder url = baseUrl.newBuilder()
                    .addPathSegments("2/users")
                    .addPathSegment(userId)
                    .addPathSegment("tweets")
                    .addQueryParameter("max_results", Integer.toString(maxResults))
                    .addQueryParameter("tweet.fields", TWEET_FIELDS)
                    .addQueryParameter("expansions", EXPANSIONS)
                    .addQueryParameter("user.fields", USER_FIELDS);
            if (since != null) {
                url.addQueryParameter("since_id", since);
            }
            if (token != null) {
                url.addQueryParameter("pagination_token", token);
            }
            XPage page = read(url.build(), body -> parser.page(body, who));
            posts.addAll(page.parsed().posts());
            page.parsed().skipped().forEach(skip -> log.warn("source {}: entry skipped, {}", name(), skip));
            newest = XPage.newer(newest, page.newestId());
            token = page.nextToken();
            pages++;
        } while (since != null && token != null && pages < MAX_PAGES);
        if (newest != null && !newest.equals(since)) {
            state.put(sinceKey, newest);
        }
        return posts;
    }

    private interface BodyReader<T> {
        T read(byte[] body);
    }

    private <T> T read(HttpUrl url, BodyReader<T> reader) throws SourceException {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + bearerToken)
                .build();
        Call call = http.newCall(request);
        try (Response response = call.execute()) {
            int code = response.code();
            if (code == 429) {
                throw new SourceException(
                        "X API rate limit reached (HTTP 429) on " + url.encodedPath() + ".",
                        null,
                        resetTime(response.header("x-rate-limit-reset")));
            }
            if (code == 401 || code == 403) {
                throw new SourceException(
                        "X API refused the bearer token (HTTP " + code
                                + "): check AIDIGEST_X_BEARER_TOKEN and the app's access level.",
                        null);
            }
            if (!response.isSuccessful()) {
                throw new SourceException("X API answered HTTP " + code + " on " + url.encodedPath() + ".", null);
            }
            return reader.read(HttpClients.body(call, response, maxBytes));
        } catch (IOException e) {
            throw new SourceException("X API unreachable at " + baseUrl.host() + ": " + e.getMessage() + ".", e);
        } catch (BadInputException e) {
            throw new SourceException(
                    "X API sent an unreadable response on " + url.encodedPath() + ": " + e.getMessage(), e);
        }
    }

    private static Instant resetTime(String epochSeconds) {
        try {
            return epochSeconds == null ? null : Instant.ofEpochSecond(Long.parseLong(epochSeconds.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String userKey(String handle) {
        return "user_id." + handle.toLowerCase(Locale.ROOT);
    }
}
