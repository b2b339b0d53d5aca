package dev.aidigest.ingest.feed;

import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.http.HttpClients;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RSS/Atom feed over HTTP (a blog, or an RSSHub {@code /twitter/user/<handle>} route). Asks
 * with the ETag and Last-Modified of the last answer, so an unchanged feed costs a 304 and no
 * parsing.
 */
public final class RssSource implements Source {
    private static final Logger log = LoggerFactory.getLogger(RssSource.class);
    static final String ETAG = "etag";
    static final String LAST_MODIFIED = "last_modified";

    private final String name;
    private final HttpUrl url;
    private final FeedOrigin origin;
    private final OkHttpClient http;
    private final FeedParser parser;
    private final long maxBytes;
    private final Clock clock;

    public RssSource(
            String name,
            String url,
            FeedOrigin origin,
            OkHttpClient http,
            FeedParser parser,
            long maxBytes,
            Clock clock) {
        this.name = name;
        this.url = HttpUrl.get(url);
        this.origin = origin;
        this.http = http;
        this.parser = parser;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** An X account read through RSSHub: {@code <rsshubUrl>/twitter/user/<handle>}. */
    public static RssSource rsshub(
            String rsshubUrl,
            String handle,
            String displayName,
            OkHttpClient http,
            FeedParser parser,
            long maxBytes,
            Clock clock) {
        String route = HttpUrl.get(rsshubUrl)
                .newBuilder()
                .addPathSegments("twitter/user")
                .addPathSegment(handle)
                .build()
                .toString();
        return new RssSource(
                "rsshub:" + handle, route, new FeedOrigin(handle, displayName, route), http, parser, maxBytes, clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Post> fetch(SourceState state) throws SourceException {
        Request.Builder request = new Request.Builder().url(url);
        state.get(ETAG).ifPresent(v -> request.header("If-None-Match", v));
        state.get(LAST_MODIFIED).ifPresent(v -> request.header("If-Modified-Since", v));
        Call call = http.newCall(request.build());
        try (Response response = call.execute()) {
            int code = response.code();
            if (code == 304) {
                return List.of();
            }
            if (code == 429 || code == 503) {
                throw new SourceException(
                        "Feed " + url.host() + " asks to slow down (HTTP " + code + ").",
                        null,
                        retryAfter(response.header("Retry-After")));
            }
            if (!response.isSuccessful()) {
                throw new SourceException("Feed " + url + " answered HTTP " + code + ".", null);
            }
            Parsed parsed = parser.parse(HttpClients.body(call, response, maxBytes), origin);
            parsed.skipped().forEach(skip -> log.warn("source {}: entry skipped, {}", name, skip));
            List<Post> posts = parsed.posts();
            remember(state, ETAG, response.header("ETag"));
            remember(state, LAST_MODIFIED, response.header("Last-Modified"));
            return posts;
        } catch (IOException e) {
            throw new SourceException("Feed " + url + " could not be read: " + e.getMessage() + ".", e);
        } catch (BadInputException e) {
            throw new SourceException("Feed " + url + " is unusable: " + e.getMessage(), e);
        }
    }

    private static void remember(SourceState state, String key, String value) {
        if (value != null && !value.isBlank()) {
            state.put(key, value);
        }
    }

    /** Retry-After is either seconds or an HTTP date. */
    private Instant retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return clock.instant().plusSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
