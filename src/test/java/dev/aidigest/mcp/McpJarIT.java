package dev.aidigest.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.Jar;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as AI clients reach it, on the archive that {@code demo} and {@code report} made of the
 * bundled sample day: {@code java -jar target/ai-digest.jar mcp} started by the SDK's stdio client, which
 * lists and calls every tool; a client that writes garbage gets JSON-RPC errors while stdout carries
 * nothing but protocol; and {@code serve}'s {@code /mcp} answering the SDK's streamable-HTTP client.
 */
class McpJarIT {

    static final ObjectMapper JSON = Jackson.json();

    @TempDir
    static Path work;

    @BeforeAll
    static void archive() throws Exception {
        Jar.Result demo = Jar.run(work, Map.of(), "demo");
        assertThat(demo.exitCode()).as(demo.stderr()).isZero();
        Jar.Result report = Jar.run(work, Map.of(), "report", "--date", "2025-11-26");
        assertThat(report.exitCode()).as(report.stderr()).isZero();
    }

    static List<String> mcpArgs() {
        return List.of(
                "-jar",
                Jar.JAR.toString(),
                "--config",
                work.resolve("config").toString(),
                "--data",
                work.resolve("data").toString(),
                "mcp");
    }

    static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void anMcpClientListsAndCallsEveryToolOfTheJar() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StdioClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(java).args(mcpArgs()).build(), McpJsonDefaults.getMapper());
        try (McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(120))
                .build()) {
            client.initialize();

            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("latest_digest", "digest", "search", "daily_report", "story");
            CallToolResult latest = client.callTool(new CallToolRequest("latest_digest", Map.of()));
            assertThat(text(latest)).contains("2025.11.26.16 过去4小时全球AI发生了什么？", "2025.11.26.16#1");
            CallToolResult digest = client.callTool(new CallToolRequest("digest", Map.of("slot", "2025.11.26.16")));
            assertThat(text(digest)).isEqualTo(text(latest));

            CallToolResult found = client.callTool(new CallToolRequest("search", Map.of("query", "FLUX.2")));
            assertThat(found.isError()).isFalse();
            Matcher id = Pattern.compile("story (2025\\.11\\.26\\.16#\\d+)").matcher(text(found));
            assertThat(id.find()).as(text(found)).isTrue();
            CallToolResult story = client.callTool(new CallToolRequest("story", Map.of("id", id.group(1))));
            assertThat(story.isError()).isFalse();
            assertThat(text(story)).contains("FLUX.2", "Authors: ", "in digest 2025.11.26.16");

            CallToolResult report = client.callTool(new CallToolRequest("daily_report", Map.of("date", "2025-11-26")));
            assertThat(report.isError()).as(text(report)).isFalse();
            assertThat(text(report)).contains("2025");

            CallToolResult tooLong =
                    client.callTool(new CallToolRequest("search", Map.of("query", "FLUX".repeat(125))));
            assertThat(tooLong.isError()).isTrue();
        }
    }

    @Test
    void serveAnswersTheSameToolsAtSlashMcp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = work.resolve("serve-out.txt");
        Path err = work.resolve("serve-err.txt");
        Process serve = Jar.start(
                work,
                Map.of("AIDIGEST_HTTP_PORT", String.valueOf(port), "AIDIGEST_REPORT_CRON", "0 0 0 1 1 ? 2099"),
                out,
                err,
                "--config",
                work.resolve("config").toString(),
                "--data",
                work.resolve("data").toString(),
                "serve");
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .ignoreExceptions()
                    .until(() -> http.send(
                                            HttpRequest.newBuilder(URI.create(base + "/healthz"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            < 500);
            try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                            .endpoint("/mcp")
                            .build())
                    .requestTimeout(Duration.ofSeconds(60))
                    .build()) {
                client.initialize();
                assertThat(client.listTools().tools()).hasSize(5);
                CallToolResult latest = client.callTool(new CallToolRequest("latest_digest", Map.of()));
                assertThat(text(latest)).contains("2025.11.26.16 过去4小时全球AI发生了什么？");
                CallToolResult future = client.callTool(new CallToolRequest("digest", Map.of("slot", "2099.01.01.00")));
                assertThat(future.isError()).isTrue();
            }
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(90, TimeUnit.SECONDS))
                    .as(Files.readString(err))
                    .isTrue();
        }
    }

    @Test
    void garbageOnStdinGetsErrorsAndStdoutHoldsOnlyProtocol() throws Exception {
        Path out = work.resolve("mcp-out.txt");
        Path err = work.resolve("mcp-err.txt");
        List<String> args = new ArrayList<>(mcpArgs().subList(2, mcpArgs().size()));
        Process p = Jar.start(work, Map.of(), out, err, args.toArray(String[]::new));
        try (OutputStream in = p.getOutputStream()) {
            for (String line : List.of(
                    McpStdioTest.INIT,
                    McpStdioTest.INITIALIZED,
                    "garbage {",
                    "[1, 2, 3]",
                    McpStdioTest.call(2, "nope", "{}"),
                    McpStdioTest.call(3, "digest", "{\"slot\":\"2025.11.26\"}"),
                    McpStdioTest.call(4, "story", "{\"id\":\"2025.11.26.16#1\"}"))) {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("mcp ends with its input")
                .isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();

        List<JsonNode> messages = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode m = JSON.readTree(line); // anything but a JSON line on stdout fails here
            assertThat(m.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
            messages.add(m);
        }
        assertThat(messages).hasSize(6);
        assertThat(messages.stream().filter(m -> m.path("id").isNull()).map(m -> m.at("/error/code")
                        .asInt()))
                .containsExactlyInAnyOrder(-32700, -32600);
        Map<String, JsonNode> byId = McpStdioTest.byId(messages);
        assertThat(byId.get("2").at("/error/message").asText()).contains("Unknown tool");
        assertThat(byId.get("3").at("/result/isError").asBoolean()).isTrue();
        assertThat(McpStdioTest.text(byId.get("4"))).contains("Authors: ");
        assertThat(Files.readString(err)).contains("refused a message");
    }
}
