package dev.aidigest.ingest.twitterapi;

import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadCall;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * twitterapi.io calls: the {@code x-api-key} header, its documented errors mapped to one sentence
 * (401 bad key, 402 out of credits: stop, 403 no key, 429 too many per second), and each page asked
 * of the governor as a whole page before it is fetched and billed after.
 */
final class TwitterApiIoClient {

    /** Tweets on a full page of search or list results. */
    static final int PAGE = 20;

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final String apiKey;
    private final long maxBytes;
    private final ReadBudget budget;
    private final TwitterApiIoTweets tweets;
    private final Clock clock;

    TwitterApiIoClient(
            OkHttpClient http,
            String baseUrl,
            String apiKey,
            long maxBytes,
            ReadBudget budget,
            TwitterApiIoTweets tweets,
            Clock clock) {
        this.http = http;
        this.baseUrl = HttpUrl.get(baseUrl);
        this.apiKey = apiKey;
        this.maxBytes = maxBytes;
        this.budget = budget;
        this.tweets = tweets;
        this.clock = clock;
    }

    HttpUrl.Builder url(String path) {
        return baseUrl.newBuilder().addPathSegments(path);
    }

    /** One page; {@code listKey} is the array holding the tweets ({@code tweets}). */
    TwitterApiIoTweets.Page page(HttpUrl url, String endpoint, String listKey) throws SourceException {
        if (budget != null) {
            // a page is billed whole when it comes: a full page's worst case must fit before asking
            budget.affordable(1, 1, budget.tariff().cost(PAGE, 0), 0);
        }
        Request request =
                new Request.Builder().url(url).header("x-api-key", apiKey).build();
        Call call = http.newCall(request);
        try (Response response = call.execute()) {
            int code = response.code();
            if (code == 402) {
                throw budget != null
                        ? budget.outOfCredits("HTTP 402 on " + endpoint)
                        : new SourceException("twitterapi.io is out of credits (HTTP 402).", null);
            }
            if (code == 401 || code == 403) {
                throw new SourceException(
                        "twitterapi.io refused the API key (HTTP " + code + "): check AIDIGEST_TWITTERAPI_KEY.", null);
            }
            if (code == 429) {
                throw new SourceException(
                        "twitterapi.io rate limit reached (HTTP 429) on " + endpoint + ".",
                        null,
                        clock.instant().plusSeconds(60));
            }
            if (!response.isSuccessful()) {
                throw new SourceException("twitterapi.io answered HTTP " + code + " on " + endpoint + ".", null);
            }
            byte[] body = HttpClients.body(call, response, maxBytes);
            try {
                TwitterApiIoTweets.Page page = tweets.page(body, listKey);
                bill(endpoint, page.tweetIds());
                return page;
            } catch (BadInputException e) {
                bill(endpoint, List.of()); // an answered call is billed its minimum
                throw new SourceException(
                        "twitterapi.io sent an unreadable answer on " + endpoint + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new SourceException(
                    "twitterapi.io unreachable at " + baseUrl.host() + ": " + e.getMessage() + ".", e);
        }
    }

    private void bill(String endpoint, List<String> ids) {
        if (budget != null) {
            budget.record(new ReadCall(endpoint, ids, List.of()));
        }
    }
}
