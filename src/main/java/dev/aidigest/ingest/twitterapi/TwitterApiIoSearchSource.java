package dev.aidigest.ingest.twitterapi;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.spend.ReadBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts marked {@code reader: twitterapi}, read through twitterapi.io's advanced search: the
 * handles are packed into as few {@code from:a OR from:b ... since_time:T} queries as the query
 * length limit allows, so a round costs one call per batch (plus further pages of a busy batch)
 * instead of one per account. Each batch remembers the newest post time it saw as its next
 * {@code since_time} (the first round looks back one digest window), and a busy batch with more
 * pages than a round reads is finished from its cursor in the next rounds ({@link ResumableQuery}).
 */
public final class TwitterApiIoSearchSource implements Source {

    private static final Logger log = LoggerFactory.getLogger(TwitterApiIoSearchSource.class);
    static final String ENDPOINT = "/twitter/tweet/advanced_search";
    private static final Duration FIRST_LOOK_BACK = Duration.ofHours(4);

    private final TwitterApiIoClient api;
    private final List<List<String>> batches;
    private final ResumableQuery pages;
    private final Clock clock;

    /**
     * @param maxQueryChars the longest query sent, {@code since_time:} included
     * @param budget        the twitterapi.io spend governor; null: unmetered
     */
    public TwitterApiIoSearchSource(
            OkHttpClient http,
            String baseUrl,
            String apiKey,
            List<String> handles,
            int maxQueryChars,
            int maxPages,
            Map<String, String> displayNames,
            long maxBytes,
            ReadBudget budget,
            Clock clock) {
        this.api = new TwitterApiIoClient(
                http, baseUrl, apiKey, maxBytes, budget, new TwitterApiIoTweets(displayNames), clock);
        this.batches = batches(handles, maxQueryChars);
        this.pages = new ResumableQuery(api, ENDPOINT, maxPages);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "twitterapi";
    }

    @Override
    public List<Post> fetch(SourceState state) throws SourceException {
        List<Post> posts = new ArrayList<>();
        int done = 0;
        for (List<String> batch : batches) {
            try {
                posts.addAll(batch(batch, state));
                done++;
            } catch (SourceException e) {
                if (e.retryAfter() == null || done == 0) {
                    throw e;
                }
                log.warn("twitterapi.io stopped after {} of {} batches: {}", done, batches.size(), e.getMessage());
                return posts;
            }
        }
        return posts;
    }

    private List<Post> batch(List<String> batch, SourceState state) throws SourceException {
        return pages.read(
                state, key(batch), clock.instant().minus(FIRST_LOOK_BACK).getEpochSecond(), (since, cursor) -> {
                    var url = api.url(ENDPOINT.substring(1))
                            .addQueryParameter("query", query(batch, since))
                            .addQueryParameter("queryType", "Latest");
                    if (cursor != null) {
                        url.addQueryParameter("cursor", cursor);
                    }
                    return url.build();
                });
    }

    static String query(List<String> batch, long sinceTime) {
        return String.join(" OR ", batch.stream().map(h -> "from:" + h).toList()) + " since_time:" + sinceTime;
    }

    /** Packs handles in order into queries no longer than {@code maxChars} (a 10-digit since_time). */
    static List<List<String>> batches(List<String> handles, int maxChars) {
        int suffix = query(List.of(), Instant.now().getEpochSecond()).length();
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = suffix;
        for (String h : handles) {
            int add = (current.isEmpty() ? 0 : " OR ".length()) + "from:".length() + h.length();
            if (!current.isEmpty() && length + add > maxChars) {
                out.add(current);
                current = new ArrayList<>();
                length = suffix;
                add = "from:".length() + h.length();
            }
            current.add(h);
            length += add;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static String key(List<String> batch) {
        return "since_time."
                + Integer.toHexString(
                        String.join(",", batch).toLowerCase(Locale.ROOT).hashCode());
    }
}
