package dev.aidigest.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void dailyReportIsTheStoredReport() {
        CallToolResult r = call("daily_report", Map.of("date", "2025-11-26"));

        assertThat(r.isError()).isFalse();
        assertThat(text(r)).isEqualTo(McpArchive.REPORT_MD);
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
    void malformedHttpBodiesAreAnsweredNotFatal() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String body : new String[] {"{not json", "[]", "{\"jsonrpc\":\"2.0\"}", "x".repeat(2_000_000)}) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/mcp"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode())
                    .as(body.substring(0, Math.min(20, body.length())))
                    .isBetween(400, 499);
        }
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
