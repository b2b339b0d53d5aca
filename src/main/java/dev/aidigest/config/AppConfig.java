package dev.aidigest.config;

import java.time.ZoneId;

/**
 * Everything {@code config/application.yml} says, after environment overrides ({@code AIDIGEST_*}).
 * Every key is documented in that file; the copy bundled in the jar holds the default of each, and a
 * key the records do not have is an error. Each record checks its own values when it is made and
 * fails with a {@link ConfigException} naming the key.
 */
public record AppConfig(
        String timezone,
        DbConfig database,
        LlmConfig llm,
        DigestConfig digest,
        RankingConfig ranking,
        ClusterConfig clustering,
        IngestConfig ingest,
        XConfig x,
        RsshubConfig rsshub,
        TelegramConfig telegram,
        DiscordConfig discord,
        LarkConfig lark,
        HttpConfig http,
        ReportConfig report,
        ScheduleConfig schedule,
        HealthConfig health) {

    public AppConfig {
        if (timezone != null && !timezone.isBlank()) {
            try {
                ZoneId.of(timezone.trim());
            } catch (java.time.DateTimeException e) {
                throw new ConfigException("timezone: not a time zone: '" + timezone + "' (e.g. Asia/Shanghai, UTC)");
            }
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timezone == null || timezone.isBlank() ? "Asia/Shanghai" : timezone.trim());
    }

    public record DbConfig(String url, String user, String password) {}

    /** No {@code baseUrl} means the offline summarizer. */
    public record LlmConfig(
            String baseUrl,
            String apiKey,
            String model,
            int timeoutSeconds,
            int maxConcurrency,
            int maxRetries,
            int maxPostChars,
            int maxPostsPerStory,
            boolean jsonSchema) {
        public LlmConfig {
            atLeast("timeout_seconds", timeoutSeconds, 0);
            atLeast("max_concurrency", maxConcurrency, 0);
            atLeast("max_retries", maxRetries, 0);
        }

        public boolean enabled() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }

    public record DigestConfig(int minItems, int maxItems, int repeatWindowHours, String cron, String siteDir) {
        public DigestConfig {
            atLeast("min_items", minItems, 0);
            atLeast("repeat_window_hours", repeatWindowHours, 0);
            if (maxItems < minItems) {
                throw new ConfigException("max_items (" + maxItems + ") is below min_items (" + minItems + ")");
            }
        }
    }

    /** @param unknownAuthorWeight the weight of an X account not in sources.yml; 0 or absent means 0.7 */
    public record RankingConfig(
            double engagementWeight,
            double authorsWeight,
            double authorWeightWeight,
            double recencyWeight,
            int normDays,
            double minScore,
            double unknownAuthorWeight) {
        public static final double DEFAULT_UNKNOWN_AUTHOR_WEIGHT = 0.7;

        public RankingConfig {
            unknownAuthorWeight = unknownAuthorWeight > 0 ? unknownAuthorWeight : DEFAULT_UNKNOWN_AUTHOR_WEIGHT;
        }

        public RankingConfig(
                double engagementWeight,
                double authorsWeight,
                double authorWeightWeight,
                double recencyWeight,
                int normDays,
                double minScore) {
            this(engagementWeight, authorsWeight, authorWeightWeight, recencyWeight, normDays, minScore, 0);
        }
    }

    /** How stories are formed; the pair model's weights are in {@code story-model.yml}. */
    public record ClusterConfig(double maxHoursApart) {}

    public record IngestConfig(
            int intervalMinutes, String userAgent, int timeoutSeconds, long maxFeedBytes, int maxBackoffHours) {
        public IngestConfig {
            atLeast("interval_minutes", intervalMinutes, 0);
            atLeast("timeout_seconds", timeoutSeconds, 0);
            atLeast("max_feed_bytes", maxFeedBytes, 0);
            atLeast("max_backoff_hours", maxBackoffHours, 0);
        }
    }

    /**
     * The X API and the readers of X posts. {@code monthlyBudgetUsd} caps what the X API may cost in a
     * calendar month (UTC), spread over its days; {@code prices} are the pay-per-use prices it is
     * accounted by; {@code creditProbeHours}: after an out-of-credits answer, one call this often
     * tells whether credits are back (never more often, and again at the next UTC day).
     */
    public record XConfig(
            String apiUrl,
            String bearerToken,
            int maxResults,
            double monthlyBudgetUsd,
            XPrices prices,
            int creditProbeHours,
            TwitterApiIoConfig twitterapiIo) {

        public XConfig {
            prices = prices == null ? XPrices.PAY_PER_USE : prices.orDefaults();
            creditProbeHours = creditProbeHours <= 0 ? 6 : creditProbeHours;
            twitterapiIo = twitterapiIo == null ? TwitterApiIoConfig.OFF : twitterapiIo;
        }

        public XConfig(String apiUrl, String bearerToken, int maxResults) {
            this(apiUrl, bearerToken, maxResults, 0, null, 0, null);
        }

        public boolean enabled() {
            return bearerToken != null && !bearerToken.isBlank();
        }
    }

    /** X API pay-per-use prices in USD: each post and each user charged once per UTC day. */
    public record XPrices(double postReadUsd, double userReadUsd) {
        public static final XPrices PAY_PER_USE = new XPrices(0.005, 0.01);

        XPrices orDefaults() {
            return new XPrices(
                    postReadUsd > 0 ? postReadUsd : PAY_PER_USE.postReadUsd(),
                    userReadUsd > 0 ? userReadUsd : PAY_PER_USE.userReadUsd());
        }
    }

    /**
     * twitterapi.io, a cheaper reader of X posts (advanced search). Billed per returned tweet with a
     * minimum per call; {@code monthlyBudgetUsd} caps it like the X API's budget.
     */
    public record TwitterApiIoConfig(
            String apiUrl,
            String apiKey,
            double monthlyBudgetUsd,
            double tweetUsd,
            double minCallUsd,
            int maxQueryChars,
            int maxPages) {
        public static final TwitterApiIoConfig OFF =
                new TwitterApiIoConfig("https://api.twitterapi.io", "", 0, 0, 0, 0, 0);

        public TwitterApiIoConfig {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.twitterapi.io" : apiUrl;
            apiKey = apiKey == null ? "" : apiKey;
            tweetUsd = tweetUsd > 0 ? tweetUsd : 0.00015;
            minCallUsd = minCallUsd > 0 ? minCallUsd : 0.00015;
            maxQueryChars = maxQueryChars > 0 ? maxQueryChars : 500;
            maxPages = maxPages > 0 ? maxPages : 5;
        }

        public boolean enabled() {
            return !apiKey.isBlank();
        }
    }

    public record RsshubConfig(String url) {}

    public record TelegramConfig(String token, String apiUrl, String webhookSecret, String botName) {
        public boolean enabled() {
            return token != null && !token.isBlank();
        }
    }

    public record DiscordConfig(
            String token, String publicKey, String apiUrl, String gatewayUrl, java.util.List<String> webhookUrls) {
        public DiscordConfig {
            webhookUrls = webhookUrls == null ? java.util.List.of() : java.util.List.copyOf(webhookUrls);
        }

        public boolean enabled() {
            return token != null && !token.isBlank();
        }
    }

    public record LarkConfig(
            String appId,
            String appSecret,
            String apiUrl,
            String verificationToken,
            String encryptKey,
            Receive receive,
            java.util.List<CustomBot> customBots) {
        public LarkConfig {
            customBots = customBots == null ? java.util.List.of() : java.util.List.copyOf(customBots);
            receive = receive == null ? Receive.LONG_CONNECTION : receive;
        }

        /**
         * How the app bot receives messages and card actions: the long connection (a WebSocket the
         * bot opens to Lark, no public URL needed) or Lark's HTTP callback to {@code POST /webhooks/lark}.
         */
        public enum Receive {
            @com.fasterxml.jackson.annotation.JsonProperty("long_connection")
            LONG_CONNECTION,
            @com.fasterxml.jackson.annotation.JsonProperty("callback")
            CALLBACK
        }

        /** A push-only custom group bot: its webhook URL and signing secret (blank: no signature). */
        public record CustomBot(String url, String secret) {}

        public boolean enabled() {
            return appId != null && !appId.isBlank();
        }
    }

    /**
     * @param publicUrl the site's address as readers reach it ({@code https://digest.example.com}), the
     *     base of every absolute link; empty: links are relative, never built from the request's Host
     * @param minBodyBytesPerSecond null: the default; 0: no minimum
     * @param maxConnectionsPerAddress null: the default; 0: no cap
     */
    public record HttpConfig(
            int port,
            String publicUrl,
            int readTimeoutSeconds,
            Long minBodyBytesPerSecond,
            int bodyTimeoutSeconds,
            Integer maxConnectionsPerAddress) {
        public HttpConfig {
            if (port < 0 || port > 65535) {
                throw new ConfigException("port: " + port + " is not a TCP port (0 to 65535)");
            }
        }

        public HttpConfig(int port) {
            this(port, "", 0, null, 0, null);
        }
    }

    public record ReportConfig(String cron) {}

    /** {@code staleAfterHours}: serve makes no digest when the newest post is older than this (0: off). */
    public record HealthConfig(int staleAfterHours, java.util.List<String> alertChats) {
        public HealthConfig {
            atLeast("stale_after_hours", staleAfterHours, 0);
            alertChats = alertChats == null ? java.util.List.of() : java.util.List.copyOf(alertChats);
        }
    }

    /** How {@code serve} paces its background work; zero or absent values take the defaults. */
    public record ScheduleConfig(int deliveryPollSeconds, int catchUpSlots, int shutdownGraceSeconds) {
        public ScheduleConfig {
            atLeast("delivery_poll_seconds", deliveryPollSeconds, 0);
            atLeast("catch_up_slots", catchUpSlots, 0);
            atLeast("shutdown_grace_seconds", shutdownGraceSeconds, 0);
        }
    }

    private static void atLeast(String key, long value, long min) {
        if (value < min) {
            throw new ConfigException(key + ": " + value + " is below " + min);
        }
    }
}
