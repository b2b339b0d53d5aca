package dev.aidigest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.aidigest.ServeWeb;
import dev.aidigest.config.AppConfig;
import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.Slot;
import dev.aidigest.json.Jackson;
import dev.aidigest.report.DailyReport;
import dev.aidigest.report.DayItem;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.DigestStore;
import dev.aidigest.store.OpsStore;
import dev.aidigest.store.ReportStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.store.SiteArchiveStore;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDatabases;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive pages, feed and JSON API through the real web server on 127.0.0.1 with a real H2 database. */
class WebArchiveTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    @TempDir
    Path dir;

    Database db;
    WebServer web;
    ServeMetrics metrics;
    String base;
    final HttpClient http = HttpClient.newHttpClient();
    final Clock clock = Clock.fixed(Instant.parse("2025-11-27T00:05:00Z"), SHANGHAI);

    Database open() {
        return TestDatabases.h2(dir);
    }

    @BeforeEach
    void start() {
        db = open();
        Slot slot = Slot.parse("2025.11.26.16", SHANGHAI);
        DigestItem flux = new DigestItem(
                1,
                "k1",
                "FLUX.2 发布",
                "**FLUX.2** 是新的图像模型 <script>alert(1)</script>",
                "https://x.com/bfl_ml/status/1",
                List.of("Black Forest Labs", "merve"),
                List.of(),
                false,
                5,
                true);
        DigestItem evil =
                new DigestItem(2, "k2", "危险链接", "点这里", "javascript:alert(2)", List.of("X"), List.of(), false, 4, true);
        String md =
                "---\ntitle: \"2025.11.26.16 过去4小时全球AI发生了什么？\"\n---\n\n1.  [FLUX.2 发布](https://x.com/bfl_ml/status/1) - Black Forest Labs\n"
                        + "    **FLUX.2** 是新的图像模型 <script>alert(1)</script> & <b>粗</b>\n\n2.  [危险链接](javascript:alert(2)) - X\n";
        new DigestStore(db, clock)
                .save(
                        new Digest(
                                slot,
                                slot.end(),
                                List.of("AI模型", "AI工具"),
                                List.of(flux, evil),
                                20,
                                9,
                                LlmUsage.NONE,
                                "offline"),
                        md);
        DayItem item = new DayItem(
                slot.name(),
                slot.windowEnd(),
                1,
                "k1",
                "FLUX.2 发布",
                "s",
                "https://x.com/bfl_ml/status/1",
                List.of("Black Forest Labs"),
                List.of(),
                5,
                true);
        DailyReport report = new DailyReport(
                LocalDate.of(2025, 11, 26),
                clock.instant().atZone(SHANGHAI),
                "概述",
                List.of(new DailyReport.Point("FLUX.2 发布", item)),
                List.of(),
                List.of(),
                List.of("推文中未发现…"),
                List.of(),
                List.of(),
                "",
                new DailyReport.Stats(20, 9, 1, 1),
                LlmUsage.NONE,
                "offline");
        new ReportStore(db, clock)
                .save(
                        report,
                        List.of("日报"),
                        "---\ntitle: \"x\"\n---\n\n# 日报\n\n![词云图](/images/2025-11-26-wordcloud.png)\n",
                        PNG);
        SearchStore search = new SearchStore(db);
        AppConfig config = TestConfigs.noChat();
        metrics = new ServeMetrics(new OpsStore(db), clock);
        web = new WebServer(List.of(), ServeWeb.routes(db, new ArchiveStore(db), search, config, metrics, clock));
        base = "http://127.0.0.1:" + web.start(0);
    }

    @AfterEach
    void stop() {
        web.close();
        db.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void homeListsTheDaysDigestsAndReport() throws Exception {
        HttpResponse<String> r = get("/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body())
                .contains(
                        "<h2>2025-11-26</h2>",
                        "href=\"/digests/2025.11.26.16\"",
                        "href=\"/reports/2025-11-26\"",
                        "2025.11.26 AI日报");
    }

    @Test
    void aDigestPageShowsPostHtmlAsTextAndDropsUnsafeLinks() throws Exception {
        HttpResponse<String> r = get("/digests/2025.11.26.16");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("<strong>FLUX.2</strong>", "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;粗&lt;/b&gt;")
                .doesNotContain("<script>alert", "<b>粗", "javascript:")
                .contains(
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                        "line-height:1.8",
                        "max-width:42em",
                        "PingFang SC",
                        "AI模型 · AI工具")
                .doesNotContain("title: \"2025.11.26.16");
    }

    @Test
    void aReportPageShowsItsWordCloudServedFromTheDatabase() throws Exception {
        assertThat(get("/reports/2025-11-26").body())
                .contains("<img src=\"/images/2025-11-26-wordcloud.png\" alt=\"词云图\"");

        HttpResponse<byte[]> img = http.send(
                HttpRequest.newBuilder(URI.create(base + "/images/2025-11-26-wordcloud.png"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(img.body()).isEqualTo(PNG);
    }

    @Test
    void unknownOrMalformedPagesAre404() throws Exception {
        assertThat(get("/digests/2025.11.26.20").statusCode()).isEqualTo(404);
        assertThat(get("/digests/..%2F..%2Fetc").statusCode()).isEqualTo(404);
        assertThat(get("/reports/2025-11-25").statusCode()).isEqualTo(404);
        assertThat(get("/images/x.png").statusCode()).isEqualTo(404);
    }

    @Test
    void aPageNumberOutOfRangeIs400NotAServerError() throws Exception {
        for (String page : new String[] {"2147483647", "99999999999999999999", "-1", "0", "abc", "1e3", "1001"}) {
            assertThat(get("/api/search?q=FLUX.2&page=" + page).statusCode())
                    .as("api page " + page)
                    .isEqualTo(400);
            assertThat(get("/search?q=FLUX.2&page=" + page).statusCode())
                    .as("page " + page)
                    .isEqualTo(400);
        }
        assertThat(get("/api/search?q=FLUX.2&page=2").statusCode()).isEqualTo(200);
        assertThat(get("/api/search?q=FLUX.2&page=1000").statusCode()).isEqualTo(200);
    }

    @Test
    void theFeedIsValidRss2WithTheDigestAsHtml() throws Exception {
        HttpResponse<String> r = get("/feed.xml");

        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        assertThat(r.body()).startsWith("<?xml").contains("<rss", "version=\"2.0\"");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().get(0).getLink()).isEqualTo("/digests/2025.11.26.16"); // no public URL set
        assertThat(feed.getEntries().get(0).getPublishedDate().toInstant())
                .isEqualTo(Instant.parse("2025-11-26T08:00:00Z"));
        assertThat(feed.getEntries().get(0).getDescription().getValue())
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    /** GET with a Host header of the client's choosing, as a cache in front of the site would pass it on. */
    String getWithHost(String path, String host) throws Exception {
        try (java.net.Socket s =
                new java.net.Socket("127.0.0.1", java.net.URI.create(base).getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theRequestsHostHeaderNeverReachesTheFeedOrTheApi() throws Exception {
        String feed = getWithHost("/feed.xml", "evil.example");
        String latest = getWithHost("/api/digests/latest", "evil.example:8443");

        assertThat(feed)
                .startsWith("HTTP/1.1 200")
                .contains("/digests/2025.11.26.16")
                .doesNotContain("evil.example");
        assertThat(latest)
                .startsWith("HTTP/1.1 200")
                .contains("\"url\":\"/digests/2025.11.26.16\"")
                .doesNotContain("evil.example");
    }

    @Test
    void aConfiguredPublicUrlIsTheBaseOfEveryAbsoluteLink() throws Exception {
        SiteArchiveStore site = new SiteArchiveStore(db);
        SearchStore search = new SearchStore(db);
        try (WebServer other = new WebServer(
                List.of(), List.of(new ApiRoutes(site, new ArchiveStore(db), search, "https://digest.example.com/")))) {
            base = "http://127.0.0.1:" + other.start(0);
            String answer = getWithHost("/feed.xml", "evil.example");
            SyndFeed feed = new SyndFeedInput().build(new StringReader(answer.substring(answer.indexOf("<?xml"))));
            assertThat(feed.getLink()).isEqualTo("https://digest.example.com/");
            assertThat(feed.getEntries().get(0).getLink())
                    .isEqualTo("https://digest.example.com/digests/2025.11.26.16");
            assertThat(getWithHost("/api/digests/latest", "evil.example"))
                    .contains("\"url\":\"https://digest.example.com/digests/2025.11.26.16\"")
                    .doesNotContain("evil.example");
        }
        assertThatThrownBy(() -> ApiRoutes.base("javascript:alert(1)")).hasMessageContaining("http.public_url");
        assertThatThrownBy(() -> ApiRoutes.base("digest.example.com")).hasMessageContaining("http.public_url");
        assertThat(ApiRoutes.base("")).isEmpty();
    }

    @Test
    void theLatestDigestAsJson() throws Exception {
        JsonNode j = Jackson.json().readTree(get("/api/digests/latest").body());

        assertThat(j.path("slot").asText()).isEqualTo("2025.11.26.16");
        assertThat(j.path("items").get(0).path("headline").asText()).isEqualTo("FLUX.2 发布");
        assertThat(j.path("items").get(0).path("authors").get(1).asText()).isEqualTo("merve");
        assertThat(j.path("categories").size()).isEqualTo(2);
    }

    @Test
    void searchFindsWhatTopicFindsAsHtmlAndJson() throws Exception {
        HttpResponse<String> page = get("/search?q=FLUX.2");
        JsonNode api = Jackson.json().readTree(get("/api/search?q=FLUX.2").body());

        assertThat(page.body()).contains("[速递] <a href=\"https://x.com/bfl_ml/status/1\">FLUX.2 发布</a>");
        assertThat(api.path("hits")).hasSize(1);
        assertThat(api.path("hits").get(0).path("url").asText()).isEqualTo("https://x.com/bfl_ml/status/1");
        assertThat(get("/search?q=%3Cscript%3E").body())
                .contains("&lt;script&gt;")
                .doesNotContain("value=\"<script>");
        assertThat(get("/api/search").statusCode()).isEqualTo(400);
    }

    @Test
    void healthzTellsTheDatabaseTheLastDigestAndTheNewestPostAsJson() throws Exception {
        HttpResponse<String> r = get("/healthz");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = Jackson.json().readTree(r.body());
        assertThat(j.path("status").asText()).isEqualTo("ok");
        assertThat(j.path("database").path("ok").asBoolean()).isTrue();
        assertThat(j.path("last_digest").path("slot").asText()).isEqualTo("2025.11.26.16");
        assertThat(j.path("last_digest").path("age_seconds").asLong())
                .isEqualTo(Duration.between(Instant.parse("2025-11-26T08:00:00Z"), clock.instant())
                        .toSeconds());
        assertThat(j.path("scheduler").path("known").asBoolean())
                .as("no scheduler in this test")
                .isFalse();
    }

    @Test
    void healthzIs503WhenTheDatabaseIsGone() throws Exception {
        db.close();

        HttpResponse<String> r = get("/healthz");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("\"status\":\"down\"");
    }

    @Test
    void metricsArePrometheusTextWithTheStoredCountsAndCommandLatency() throws Exception {
        new TimedConversation(new dev.aidigest.testing.EchoConversation(), metrics.commandTimer())
                .onText(
                        new dev.aidigest.channel.ChatRef("telegram", "1", dev.aidigest.channel.ChatRef.Kind.PRIVATE),
                        "u",
                        "/help",
                        () -> false,
                        "zh");
        metrics.run("digest", true, Duration.ofMillis(1200));

        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body())
                .contains(
                        "aidigest_editions_stored{kind=\"digest\"} 1.0",
                        "aidigest_editions_stored{kind=\"report\"} 1.0",
                        "aidigest_posts_stored 0.0",
                        "aidigest_outbox_rows{status=\"sent\"} 0.0",
                        "aidigest_llm_calls_recorded{kind=\"digest\"} 0.0",
                        "aidigest_command_duration_seconds_count 1",
                        "aidigest_command_duration_seconds_bucket{le=",
                        "aidigest_runs_total{kind=\"digest\",outcome=\"ok\"} 1.0");
    }
}
