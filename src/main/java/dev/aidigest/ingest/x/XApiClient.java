package dev.aidigest.ingest.x;

import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.SourceState;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.ingest.spend.ReadCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The X API v2 calls of the X sources: the bearer token, the errors mapped to one sentence each, the
 * endpoint's rate limit honoured (a window whose {@code x-rate-limit-remaining} reached 0 is not
 * called again before its reset), and every answered call asked of and accounted by the spend
 * governor when there is one.
 */
final class XApiClient {

    /** Body → value, and value → what the call returned (for the bill). */
    interface Reading<T> {
        T read(byte[] body);

        ReadCall billed(String endpoint, T value);
    }

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final String bearerToken;
    private final long maxBytes;
    private final ReadBudget budget;
    private final Clock clock;

    /** @param budget the governor of X spend; null: calls are neither limited nor accounted */
    XApiClient(OkHttpClient http, String baseUrl, String bearerToken, long maxBytes, ReadBudget budget, Clock clock) {
        this.http = http;
        this.baseUrl = HttpUrl.get(baseUrl);
        this.bearerToken = bearerToken;
        this.maxBytes = maxBytes;
        this.budget = budget;
        this.clock = clock;
    }

    HttpUrl.Builder url(String pathSegments) {
        return baseUrl.newBuilder().addPathSegments(pathSegments);
    }

    /**
     * How many tweets a page may ask for (at most {@code wanted}, at least 5) so that its worst case —
     * every tweet and a referenced tweet new today, each with a new author, plus the owner — fits in
     * today's share of the budget.
     */
    int tweetPage(int wanted) throws SourceException {
        if (budget == null) {
            return wanted;
        }
        long perTweet = 2 * budget.tariff().postMicros() + 2 * budget.tariff().userMicros();
        return budget.affordable(
                wanted, Math.min(5, wanted), perTweet, budget.tariff().userMicros());
    }

    /** How many users one lookup may ask for (at most {@code wanted}, at least 1). */
    int userPage(int wanted) throws SourceException {
        return budget == null
                ? wanted
                : budget.affordable(wanted, 1, budget.tariff().userMicros(), 0);
    }

    /**
     * GETs {@code url}. {@code endpoint} names the path with ids replaced, for the rate limit window
     * and the ledger.
     */
    <T> T get(HttpUrl url, String endpoint, SourceState state, Reading<T> reading) throws SourceException {
        String resetKey = "rate_reset." + endpoint;
        Instant reset = state.get(resetKey).map(XApiClient::instant).orElse(null);
        Instant now = clock.instant();
        if (reset != null && now.isBefore(reset)) {
            throw new SourceException(
                    "X API rate limit window of " + endpoint + " is used up until " + reset + ".", null, reset);
        }
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + bearerToken)
                .build();
        Call call = http.newCall(request);
        try (Response response = call.execute()) {
            int code = response.code();
            Instant windowReset = resetTime(response.header("x-rate-limit-reset"));
            if (code == 402) {
                throw outOfCredits("HTTP 402 on " + url.encodedPath());
            }
            if (code == 429) {
                String body = new String(HttpClients.body(call, response, 64 * 1024), StandardCharsets.UTF_8);
                if (creditError(body)) {
                    throw outOfCredits("HTTP 429 usage cap on " + url.encodedPath());
                }
                throw new SourceException(
                        "X API rate limit reached (HTTP 429) on " + url.encodedPath() + ".", null, windowReset);
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
            byte[] body = HttpClients.body(call, response, maxBytes);
            T value;
            try {
                value = reading.read(body);
            } finally {
                if ("0".equals(trim(response.header("x-rate-limit-remaining"))) && windowReset != null) {
                    state.put(resetKey, windowReset.toString());
                }
            }
            if (budget != null) {
                budget.record(reading.billed(endpoint, value));
            }
            return value;
        } catch (IOException e) {
            throw new SourceException("X API unreachable at " + baseUrl.host() + ": " + e.getMessage() + ".", e);
        } catch (BadInputException e) {
            if (budget != null) {
                // an answer that came but could not be read is still billed as an empty page
                budget.record(new ReadCall(endpoint, List.of(), List.of()));
            }
            throw new SourceException(
                    "X API sent an unreadable response on " + url.encodedPath() + ": " + e.getMessage(), e);
        }
    }

    private SourceException outOfCredits(String what) {
        return budget != null
                ? budget.outOfCredits(what)
                : new SourceException(
                        "X API is out of credits (" + what + ").",
                        null,
                        clock.instant().plusSeconds(3600));
    }

    /** X's answers for an account without credits or past its cap, whatever the status code. */
    static boolean creditError(String body) {
        String b = body.toLowerCase(Locale.ROOT);
        return b.contains("creditsdepleted") || b.contains("usagecapexceeded") || b.contains("credits");
    }

    private static Instant resetTime(String epochSeconds) {
        try {
            return epochSeconds == null ? null : Instant.ofEpochSecond(Long.parseLong(epochSeconds.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
