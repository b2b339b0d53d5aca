package dev.aidigest.ingest.setup;

import dev.aidigest.config.AppConfig;
import dev.aidigest.config.SourcesConfig;
import dev.aidigest.ingest.Source;
import dev.aidigest.ingest.feed.FeedOrigin;
import dev.aidigest.ingest.feed.FeedParser;
import dev.aidigest.ingest.feed.RssSource;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.ingest.spend.ReadSpending;
import dev.aidigest.ingest.twitterapi.TwitterApiIoListSource;
import dev.aidigest.ingest.twitterapi.TwitterApiIoSearchSource;
import dev.aidigest.ingest.x.XApiSource;
import dev.aidigest.ingest.x.XApiV2Parser;
import dev.aidigest.ingest.x.XListSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the sources the configuration switches on:
 * <ul>
 *   <li>{@code x-api}: every account not marked {@code rsshub: true}, when a bearer token is set;
 *   <li>{@code rsshub:<handle>}: accounts marked {@code rsshub: true} (and all accounts when there is
 *       no bearer token), when {@code rsshub.url} is set;
 *   <li>{@code twitterapi}: the accounts marked {@code reader: twitterapi}, when a twitterapi.io key is set;
 *   <li>{@code x-list:<id>}: each X List of sources.yml read by the X API, one poll for all its members;
 *   <li>{@code twitterapi-list:<id>}: each X List marked {@code reader: twitterapi}, through twitterapi.io;
 *   <li>{@code feed:<name>}: each feed of sources.yml.
 * </ul>
 * With nothing configured the list is empty (the demo imports the bundled sample instead).
 */
public final class Sources {
    private static final Logger log = LoggerFactory.getLogger(Sources.class);

    private Sources() {}

    /** The sources without spend governors (configuration checks and tests). */
    public static List<Source> from(AppConfig app, SourcesConfig config, Clock clock) {
        return from(app, config, clock, ReadSpending.NONE);
    }

    /** @param spending the governors every paid call goes through */
    public static List<Source> from(AppConfig app, SourcesConfig config, Clock clock, ReadSpending spending) {
        AppConfig.IngestConfig ingest = app.ingest();
        int timeout = ingest == null || ingest.timeoutSeconds() <= 0 ? 20 : ingest.timeoutSeconds();
        long maxBytes = ingest == null || ingest.maxFeedBytes() <= 0 ? 10L << 20 : ingest.maxFeedBytes();
        String userAgent = ingest == null || blank(ingest.userAgent()) ? "ai-digest/0.1" : ingest.userAgent();
        OkHttpClient http = HttpClients.client(userAgent, Duration.ofSeconds(timeout));
        Map<String, String> names = config.displayNames();
        FeedParser feedParser = new FeedParser(names, clock);

        AppConfig.XConfig x = app.x();
        boolean xApi = x != null && x.enabled();
        String rsshub = app.rsshub() == null || blank(app.rsshub().url())
                ? null
                : app.rsshub().url();
        List<Source> sources = new ArrayList<>();
        List<String> apiHandles = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        AppConfig.TwitterApiIoConfig tio = x == null ? AppConfig.TwitterApiIoConfig.OFF : x.twitterapiIo();
        for (SourcesConfig.Account a : config.accounts()) {
            if (a.readBy() == SourcesConfig.Reader.TWITTERAPI && tio.enabled()) {
                searched.add(a.handle());
            } else if (a.readBy() == SourcesConfig.Reader.TWITTERAPI) {
                unread.add(a.handle());
            } else if (xApi && a.readBy() == SourcesConfig.Reader.X_API) {
                apiHandles.add(a.handle());
            } else if (rsshub != null) {
                sources.add(RssSource.rsshub(rsshub, a.handle(), a.name(), http, feedParser, maxBytes, clock));
            } else {
                unread.add(a.handle());
            }
        }
        if (!unread.isEmpty()) {
            log.warn(
                    "{} account(s) are not read (@{}...): set AIDIGEST_X_BEARER_TOKEN, AIDIGEST_RSSHUB_URL or"
                            + " AIDIGEST_TWITTERAPI_KEY for their reader",
                    unread.size(),
                    unread.get(0));
        }
        if (!apiHandles.isEmpty()) {
            String apiUrl = blank(x.apiUrl()) ? "https://api.x.com" : x.apiUrl();
            int maxResults = x.maxResults() <= 0 ? 100 : x.maxResults();
            sources.add(
                    0,
                    new XApiSource(
                            http,
                            apiUrl,
                            x.bearerToken(),
                            apiHandles,
                            maxResults,
                            new XApiV2Parser(names, clock),
                            maxBytes,
                            PaidReaders.budget(spending, PaidReaders.X_API),
                            clock));
        }
        if (!searched.isEmpty()) {
            sources.add(new TwitterApiIoSearchSource(
                    http,
                    tio.apiUrl(),
                    tio.apiKey(),
                    searched,
                    tio.maxQueryChars(),
                    tio.maxPages(),
                    names,
                    maxBytes,
                    PaidReaders.budget(spending, PaidReaders.TWITTERAPI),
                    clock));
        }
        for (SourcesConfig.XList list : config.lists()) {
            if (list.readBy() == SourcesConfig.Reader.TWITTERAPI) {
                if (!tio.enabled()) {
                    log.warn("X list {} is not read: set AIDIGEST_TWITTERAPI_KEY", list.id());
                    continue;
                }
                sources.add(new TwitterApiIoListSource(
                        http,
                        tio.apiUrl(),
                        tio.apiKey(),
                        list.id(),
                        tio.maxPages(),
                        names,
                        maxBytes,
                        PaidReaders.budget(spending, PaidReaders.TWITTERAPI),
                        clock));
                continue;
            }
            if (!xApi) {
                log.warn("X list {} is not read: set AIDIGEST_X_BEARER_TOKEN", list.id());
                continue;
            }
            sources.add(new XListSource(
                    http,
                    blank(x.apiUrl()) ? "https://api.x.com" : x.apiUrl(),
                    x.bearerToken(),
                    list.id(),
                    x.maxResults() <= 0 ? 100 : x.maxResults(),
                    new XApiV2Parser(names, clock),
                    maxBytes,
                    PaidReaders.budget(spending, PaidReaders.X_API),
                    clock));
        }
        for (SourcesConfig.Feed f : config.feeds()) {
            if (blank(f.url())) {
                log.warn("a feed without url in sources.yml is skipped");
                continue;
            }
            String name = "feed:" + (blank(f.name()) ? f.url() : f.name());
            sources.add(new RssSource(
                    name,
                    f.url(),
                    new FeedOrigin(f.handle(), f.authorName(), f.url()),
                    http,
                    feedParser,
                    maxBytes,
                    clock));
        }
        return sources;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
