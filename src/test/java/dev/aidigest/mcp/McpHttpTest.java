package dev.aidigest.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aidigest.ServeWeb;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.OpsStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.web.ServeMetrics;
import dev.aidigest.web.WebServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The SDK's own MCP client against {@code /mcp} of the real web server that {@code serve} builds
 * ({@link ServeWeb#routes}), over loopback HTTP, on a real H2 archive.
 */
class McpHttpTest {

    @TempDir
    Path dir;

    Database db;
    WebServer web;
    String base;
    McpSyncClient client;

    @BeforeEach
    void start() {
        db = TestDatabases.h2(dir);
        McpArchive.fill(db);
        ServeMetrics metrics = new ServeMetrics(new OpsStore(db), McpArchive.CLOCK);
        web = new WebServer(
                List.of(),
                ServeWeb.routes(
                        db,
                        new ArchiveStore(db, McpArchive.CLOCK),
                        new SearchStore(db),
                        TestConfigs.noChat(),
                        metrics,
                        McpArchive.CLOCK));
        base = "http://127.0.0.1:" + web.start(0);
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(20))
                .build();
        client.initialize();
    }

    @AfterEach
    void stop() {
        client.close();
        web.close();
        db.close();
    }

    HttpResponse<String> post(HttpClient http, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }

    static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void listsTheFiveToolsWithWhatAStoryIdIs() {
        List<McpSchema.Tool> tools = client.listTools().tools();

        assertThat(tools)
                .extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder("latest_digest", "digest", "search", "daily_report", "story");
        McpSchema.Tool story =
                tools.stream().filter(t -> t.name().equals("story")).findFirst().orElseThrow();
        assertThat(story.description()).contains("slot#N", "2025.11.26.16#3");
        assertThat(story.inputSchema()).containsEntry("required", List.of("id"));
        assertThat(client.getServerInfo().name()).isEqualTo("ai-digest");
    }

    @Test
    void latestDigestAndDigestBySlotAreTheStoredMarkdownWithTheirStoryIds() {
        CallToolResult latest = call("latest_digest", Map.of());
        CallToolResult bySlot = call("digest", Map.of("slot", McpArchive.SLOT));

        assertThat(latest.isError()).isFalse();
        assertThat(text(latest))
                .startsWith(McpArchive.DIGEST_MD.stripTrailing())
                .contains("stories 2025.11.26.16#1 … 2025.11.26.16#2");
        assertThat(text(bySlot)).isEqualTo(text(latest));
    }

    @Test
    void searchNamesTheStoryIdsThatStoryOpens() {
        CallToolResult found = call("search", Map.of("query", "FLUX.2"));

        assertThat(found.isError()).isFalse();
        assertThat(text(found))
                .contains("[digest item] Black Forest Labs 发布 FLUX.2")
                .contains("story 2025.11.26.16#1")
                .contains("[post] Someone：FLUX.2 from my own test");
        // both posts of the FLUX.2 item name it; the post in no digest names none
        assertThat(text(found).lines().filter(l -> l.contains("story 2025.11.26.16#1")))
                .hasSize(3);
        assertThat(text(found)
                        .lines()
                        .filter(l -> l.contains("Someone"))
                        .findFirst()
                        .orElseThrow())
                .doesNotContain("story ");

        CallToolResult story = call("story", Map.of("id", "2025.11.26.16#1"));
        assertThat(story.isError()).isFalse();
        assertThat(text(story))
                .startsWith("# Black Forest Labs 发布 FLUX.2")
                .contains("https://x.com/bfl_ml/status/1")
                .contains("Authors: Black Forest Labs / merve")
                .contains("**FLUX.2** 支持 4MP 输出与多参考图。")
                .contains("item 1 of 2 in digest 2025.11.26.16");
    }

    @Test
    void searchKeepsToSinceAndUntil() {
        // posts at 15:00 on 2025-11-26 (Shanghai), the digest's items at 16:00, the early post on 2025-11-19
        assertThat(text(call("search", Map.of("query", "FLUX.2"))))
                .contains("[post] Early Bird：FLUX.2 rumours", "[digest item] Black Forest Labs");

        String thisWeek = text(call("search", Map.of("query", "FLUX.2", "since", "2025-11-24")));
        assertThat(thisWeek)
                .contains("since 2025-11-24 00:00 Asia/Shanghai")
                .contains("[digest item] Black Forest Labs 发布 FLUX.2", "[post] merve：FLUX.2 is out")
                .doesNotContain("Early Bird");

        String before = text(call("search", Map.of("query", "FLUX.2", "until", "2025-11-25")));
        assertThat(before).contains("[post] Early Bird").doesNotContain("Black Forest Labs", "merve");

        // a date-time until is exclusive; with an offset or without one (then in the digest's zone)
        String posts = text(
                call("search", Map.of("query", "FLUX.2", "since", "2025-11-26", "until", "2025-11-26T16:00:00+08:00")));
        assertThat(posts).contains("[post] merve", "[post] Someone").doesNotContain("[digest item]", "Early Bird");
        String items = text(call("search", Map.of("query", "FLUX.2", "since", "2025-11-26T08:00:00Z")));
        assertThat(items).contains("[digest item] Black Forest Labs").doesNotContain("[post]");
        assertThat(text(call("search", Map.of("query", "FLUX.2", "since", "2025-11-26T15:30"))))
                .isEqualTo(items.replace("since 2025-11-26 16:00", "since 2025-11-26 15:30"));

        assertThat(text(call("search", Map.of("query", "FLUX.2", "since", "2025-11-27"))))
                .contains("Nothing found in that time.");
    }

    @Test
    void searchLimitSetsThePageSize() {
        CallToolResult one = call("search", Map.of("query", "FLUX.2", "limit", 1));
        CallToolResult second = call("search", Map.of("query", "FLUX.2", "limit", 1, "page", 2));

        assertThat(text(one).lines().filter(l -> l.matches("\\d+\\. .*"))).hasSize(1);
        assertThat(text(one)).contains("1. [digest item]", "search again with page 2 (and the same limit and dates)");
        assertThat(text(second).lines().filter(l -> l.matches("\\d+\\. .*")))
                .hasSize(1)
                .allMatch(l -> l.startsWith("2. "));
    }

    @Test
    void badDatesAndLimitsAreToolErrorsNamingTheArgument() {
        Map<Map<String, Object>, String> bad = new java.util.LinkedHashMap<>();
        bad.put(
                Map.of("query", "FLUX.2", "since", "last week"),
                "since is not a date or a date-time: 'last week' (want " + SearchRange.FORMS + ")");
        bad.put(
                Map.of("query", "FLUX.2", "until", "2025-13-01"),
                "until is not a date or a date-time: '2025-13-01' (want " + SearchRange.FORMS + ")");
        bad.put(
                Map.of("query", "FLUX.2", "since", "2025-11-26T25:00:00Z"),
                "since is not a date or a date-time: '2025-11-26T25:00:00Z' (want " + SearchRange.FORMS + ")");
        bad.put(
                Map.of("query", "FLUX.2", "since", "2025-11-27", "until", "2025-11-20"),
                "since (2025-11-27) must be before until (2025-11-20)");

        for (var e : bad.entrySet()) {
            CallToolResult r = call("search", e.getKey());
            assertThat(r.isError()).as(e.getKey().toString()).isTrue();
            assertThat(text(r)).as(e.getKey().toString()).isEqualTo(e.getValue());
        }
        // the SDK checks the schema first, naming the argument too; the tool's own checks say the same
        for (Map<String, Object> schemaBad : List.<Map<String, Object>>of(
                Map.of("query", "FLUX.2", "since", 20251126),
                Map.of("query", "FLUX.2", "limit", 0),
                Map.of("query", "FLUX.2", "limit", 51),
                Map.of("query", "FLUX.2", "limit", 2.5))) {
            CallToolResult r = call("search", schemaBad);
            assertThat(r.isError()).as(schemaBad.toString()).isTrue();
            assertThat(text(r)).contains(schemaBad.containsKey("limit") ? "limit" : "since");
        }
        ArchiveTools tools = McpArchive.tools(db);
        assertThatThrownBy(() -> tools.search("FLUX.2", 1, 0, null, null))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage("limit 0 is out of range (1 to 50)");
        assertThatThrownBy(() -> tools.search("FLUX.2", 1, 51, null, null))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage("limit 51 is out of range (1 to 50)");
        assertThat(call("search", Map.of("query", "FLUX.2", "since", "")).isError())
                .as("an empty since is no limit")
                .isFalse();
    }

    @Test
    void dailyReportSaysItHasNoWordCloudWhenNoneWasDrawn() {
        CallToolResult r = call("daily_report", Map.of("date", "2025-11-26"));

        assertThat(r.isError()).isFalse();
        assertThat(r.content()).hasSize(1);
        assertThat(text(r))
                .startsWith(McpArchive.REPORT_MD.stripTrailing())
                .endsWith("The report of 2025-11-26 has no word-cloud image.\n");
    }

    @Test
    void dailyReportCarriesItsWordCloudAsAPngImage() throws Exception {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(8, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0xff0000);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        byte[] png = out.toByteArray();
        McpArchive.report(db, java.time.LocalDate.of(2025, 11, 25), McpArchive.REPORT_MD, png);

        CallToolResult r = call("daily_report", Map.of("date", "2025-11-25"));

        assertThat(r.isError()).isFalse();
        assertThat(text(r)).endsWith("The word cloud of 2025-11-25 is attached as a PNG image.\n");
        assertThat(r.content()).hasSize(2);
        McpSchema.ImageContent image = (McpSchema.ImageContent) r.content().get(1);
        assertThat(image.mimeType()).isEqualTo("image/png");
        byte[] sent = java.util.Base64.getDecoder().decode(image.data());
        assertThat(sent).isEqualTo(png);
        // the same bytes the site serves for the report's page
        HttpResponse<byte[]> site = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/images/2025-11-25-wordcloud.png"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(site.body()).isEqualTo(sent);
    }

    @Test
    void badArgumentsAreToolErrorsWithOneSentenceAndTheServerGoesOn() {
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("digest future", Map.of("slot", "2025.11.27.12"));
        bad.put("digest bad hour", Map.of("slot", "2025.11.26.15"));
        bad.put("digest unknown", Map.of("slot", "2025.11.20.16"));
        bad.put("search long", Map.of("query", "FLUX ".repeat(100)));
        bad.put("search blank", Map.of("query", "   "));
        bad.put("search page", Map.of("query", "FLUX.2", "page", 0));
        bad.put("daily_report today", Map.of("date", "2025-11-27"));
        bad.put("daily_report bad", Map.of("date", "2025-02-30"));
        bad.put("daily_report missing", Map.of("date", "2025-11-20"));
        bad.put("story bad", Map.of("id", "FLUX.2"));
        bad.put("story no item", Map.of("id", "2025.11.26.16#9"));
        bad.put("story no digest", Map.of("id", "2025.11.26.12#1"));
        bad.put("digest missing", Map.of());
        bad.put("digest number", Map.of("slot", 2025));

        for (var e : bad.entrySet()) {
            String tool = e.getKey().split(" ")[0];
            CallToolResult r = call(tool, e.getValue());
            assertThat(r.isError()).as(e.getKey()).isTrue();
            assertThat(text(r)).as(e.getKey()).isNotBlank().doesNotContain("Exception", "\tat ");
        }
        assertThat(text(call("digest", Map.of("slot", "2025.11.27.12"))))
                .isEqualTo("slot 2025.11.27.12 has not ended yet; the last ended slot is 2025.11.27.08");
        assertThat(text(call("digest", Map.of("slot", "2025.11.20.16"))))
                .isEqualTo("no digest is stored for slot 2025.11.20.16; the newest digest is 2025.11.26.16");
        assertThat(text(call("story", Map.of("id", "2025.11.26.16#9"))))
                .isEqualTo("digest 2025.11.26.16 has 2 items; there is no story 2025.11.26.16#9");

        assertThat(call("latest_digest", Map.of()).isError()).isFalse();
    }

    @Test
    void theArchiveToolsRefuseWhatTheSchemaWouldAlsoRefuse() {
        // a client that ignores the schema reaches the tools' own checks
        ArchiveTools tools = McpArchive.tools(db);

        assertThatThrownBy(() -> tools.search("x".repeat(500), 1))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage("the query is 500 characters long; at most 200 are searched");
        assertThatThrownBy(() -> tools.digest(null)).isInstanceOf(ToolRefusal.class);
        assertThatThrownBy(() -> tools.dailyReport("26.11.2025"))
                .isInstanceOf(ToolRefusal.class)
                .hasMessage("not a date: '26.11.2025' (want YYYY-MM-DD, e.g. 2025-11-26)");
        assertThatThrownBy(() -> tools.story("2025.11.26.16#0")).isInstanceOf(ToolRefusal.class);
    }

    @Test
    void anUnknownToolIsAProtocolError() {
        assertThatThrownBy(() -> call("delete_everything", Map.of()))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("Unknown tool");

        assertThat(call("latest_digest", Map.of()).isError()).isFalse();
    }

    @Test
    void malformedHttpBodiesAreJsonRpcErrorsLoggedAsOneWarnLineEach() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{not json", -32700);
        bodies.put("", -32700);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing", -32700);
        bodies.put("[]", -32600);
        bodies.put("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600);
        bodies.put("null", -32600);
        bodies.put("42", -32600);
        bodies.put("{\"jsonrpc\":\"2.0\"}", -32600);
        bodies.put("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", -32600);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}", -32600);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}", -32600);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"search\"}", -32602);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[1,2]}", -32602);
        // JSON-RPC, but params the SDK cannot read as the method's request (it would fail with a 500)
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}", -32602);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}", -32602);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":{\"x\":1}}}", -32602);
        bodies.put(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":\"x\"}}",
                -32602);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}", -32602);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}", -32602);
        bodies.put("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":{}}}", -32602);
        for (var e : bodies.entrySet()) {
            HttpResponse<String> r = post(http, e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String as = e.getKey();
            assertThat(r.statusCode()).as(as).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(as).startsWith("application/json");
            com.fasterxml.jackson.databind.JsonNode error =
                    dev.aidigest.json.Jackson.json().readTree(r.body());
            assertThat(error.path("jsonrpc").asText()).as(as).isEqualTo("2.0");
            assertThat(error.path("error").path("code").asInt()).as(as).isEqualTo(e.getValue());
            assertThat(error.path("error").path("message").asText()).as(as).isNotBlank();
            // the request's id is answered when it could be read
            boolean idReadable = as.startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,") && !as.endsWith("trailing");
            assertThat(error.get("id").isNull()).as(as).isEqualTo(!idReadable);
            if (!error.get("id").isNull()) {
                assertThat(error.get("id").asInt()).as(as).isEqualTo(1);
            }
            assertThat(r.body()).as(as).doesNotContain("Exception", "stackTrace");
        }
        assertThat(post(http, new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'})
                        .statusCode())
                .as("not UTF-8")
                .isEqualTo(400);
        assertThat(post(http, "x".repeat(2_000_000).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .statusCode())
                .as("too large")
                .isEqualTo(413);
        root.detachAppender(logged);

        int malformed = bodies.size() + 2;
        List<ILoggingEvent> warnings = logged.list.stream()
                .filter(ev -> ev.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
        assertThat(warnings).noneMatch(ev -> ev.getLevel() == Level.ERROR);
        assertThat(warnings).allMatch(ev -> ev.getThrowableProxy() == null);
        assertThat(warnings).hasSize(malformed);
        assertThat(warnings).allMatch(ev -> ev.getFormattedMessage().startsWith("mcp: refused a malformed request"));
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create(base + "/mcp")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> fromAPage = http.send(
                HttpRequest.newBuilder(URI.create(base + "/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("Origin", "http://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromAPage.statusCode()).isEqualTo(403);

        assertThat(text(call("daily_report", Map.of("date", "2025-11-26")))).contains("日报");
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base + "/healthz"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }
}
