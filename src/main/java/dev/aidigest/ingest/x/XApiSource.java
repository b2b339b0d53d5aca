package dev.aidigest.ingest.x;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostCheck;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadCall;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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

    private final XApiClient api;
    private final List<String> handles;
    private final int maxResults;
    private final XApiV2Parser parser;

    /** Unmetered: no spend governor (files and tests of the protocol). */
    public XApiSource(
            OkHttpClient http,
            String baseUrl,
            String bearerToken,
            List<String> handles,
            int maxResults,
            XApiV2Parser parser,
            long maxBytes) {
        this(http, baseUrl, bearerToken, handles, maxResults, parser, maxBytes, null, Clock.systemUTC());
    }

    /**
     * @param baseUrl    {@code https://api.x.com} or a test server ({@code x.api_url})
     * @param maxResults per timeline page, clamped to the API's 5..100 (and smaller when the budget
     *     is nearly used)
     * @param budget     the X spend governor every call goes through
     */
    public XApiSource(
            OkHttpClient http,
            String baseUrl,
            String bearerToken,
            List<String> handles,
            int maxResults,
            XApiV2Parser parser,
            long maxBytes,
            ReadBudget budget,
            Clock clock) {
        this.api = new XApiClient(http, baseUrl, bearerToken, maxBytes, budget, clock);
        this.handles = List.copyOf(handles);
        this.maxResults = Math.max(5, Math.min(100, maxResults));
        this.parser = parser;
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
                log.warn(
                        "X API stopped after {} accounts ({}); @{} and the rest go first next round",
                        done,
                        e.getMessage(),
                        handle);
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
        for (int from = 0; from < missing.size(); ) {
            int size = api.userPage(Math.min(USERS_PER_LOOKUP, missing.size() - from));
            List<String> chunk = missing.subList(from, from + size);
            from += size;
            HttpUrl url = api.url("2/users/by")
                    .addQueryParameter("usernames", String.join(",", chunk))
                    .addQueryParameter("user.fields", USER_FIELDS)
                    .build();
            Map<String, XUser> found = api.get(url, "/2/users/by", state, new XApiClient.Reading<>() {
                @Override
                public Map<String, XUser> read(byte[] body) {
                    return parser.users(body);
                }

                @Override
                public ReadCall billed(String endpoint, Map<String, XUser> users) {
                    return new ReadCall(
                            endpoint,
                            List.of(),
                            users.values().stream().map(XUser::id).toList());
                }
            });
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
            HttpUrl.Builder url = api.url("2/users")
                    .addPathSegment(userId)
                    .addPathSegment("tweets")
                    .addQueryParameter("max_results", Integer.toString(api.tweetPage(maxResults)))
                    .addQueryParameter("tweet.fields", TWEET_FIELDS)
                    .addQueryParameter("expansions", EXPANSIONS)
                    .addQueryParameter("user.fields", USER_FIELDS);
            if (since != null) {
                url.addQueryParameter("since_id", since);
            }
            if (token != null) {
                url.addQueryParameter("pagination_token", token);
            }
            XPage page = api.get(url.build(), "/2/users/:id/tweets", state, tweetsOf(who));
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

    /** A tweets page, billed by every post and user in it. */
    XApiClient.Reading<XPage> tweetsOf(Attribution who) {
        return reading(parser, who);
    }

    static XApiClient.Reading<XPage> reading(XApiV2Parser parser, Attribution who) {
        return new XApiClient.Reading<>() {
            @Override
            public XPage read(byte[] body) {
                return parser.page(body, who);
            }

            @Override
            public ReadCall billed(String endpoint, XPage page) {
                return new ReadCall(endpoint, page.postIds(), page.userIds());
            }
        };
    }

    private static String userKey(String handle) {
        return "user_id." + handle.toLowerCase(Locale.ROOT);
    }
}
