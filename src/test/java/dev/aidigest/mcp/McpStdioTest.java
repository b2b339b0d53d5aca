package dev.aidigest.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.json.Jackson;
import dev.aidigest.store.Database;
import dev.aidigest.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stdio server in process, fed raw lines as a client (or a broken client) writes them: every
 * line it writes is one JSON-RPC message, malformed lines are answered with JSON-RPC errors, and the
 * lines after them are served as usual until the input ends.
 */
class McpStdioTest {

    static final ObjectMapper JSON = Jackson.json();
    static final String INIT =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
        McpArchive.fill(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Serves {@code lines} (then end of input) and returns what was written, one parsed message per line. */
    List<JsonNode> serve(String... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        McpStdio.serve(McpArchive.tools(db), new ByteArrayInputStream(in), out);
        List<JsonNode> messages = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode m = JSON.readTree(line); // a line that is not JSON fails the test here
            assertThat(m.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
            messages.add(m);
        }
        return messages;
    }

    static String call(int id, String tool, String args) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + args + "}}";
    }

    static Map<String, JsonNode> byId(List<JsonNode> messages) {
        return messages.stream()
                .filter(m -> m.hasNonNull("id"))
                .collect(Collectors.toMap(m -> m.get("id").asText(), Function.identity()));
    }

    @Test
    void answersEveryToolOverStdioAndEndsWithItsInput() throws Exception {
        List<JsonNode> out = serve(
                INIT,
                INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                call(3, "latest_digest", "{}"),
                call(4, "search", "{\"query\":\"FLUX.2\"}"),
                call(5, "story", "{\"id\":\"2025.11.26.16#1\"}"),
                call(6, "daily_report", "{\"date\":\"2025-11-26\"}"),
                call(7, "digest", "{\"slot\":\"2025.11.26.16\"}"));

        Map<String, JsonNode> r = byId(out);
        assertThat(r).containsOnlyKeys("1", "2", "3", "4", "5", "6", "7");
        assertThat(r.get("1").at("/result/serverInfo/name").asText()).isEqualTo("ai-digest");
        assertThat(r.get("2").at("/result/tools").findValuesAsText("name"))
                .containsExactlyInAnyOrder("latest_digest", "digest", "search", "daily_report", "story");
        assertThat(text(r.get("3"))).contains("Black Forest Labs 发布 FLUX.2");
        assertThat(text(r.get("4"))).contains("story 2025.11.26.16#1");
        assertThat(text(r.get("5"))).contains("Authors: Black Forest Labs / merve");
        assertThat(text(r.get("6")))
                .startsWith(McpArchive.REPORT_MD.stripTrailing())
                .endsWith("has no word-cloud image.\n");
        assertThat(text(r.get("7"))).isEqualTo(text(r.get("3")));
    }

    @Test
    void malformedLinesGetJsonRpcErrorsAndServingGoesOn() throws Exception {
        List<JsonNode> out = serve(
                INIT,
                INITIALIZED,
                "this is not json",
                "{\"jsonrpc\":\"2.0\",\"id\":2,",
                "[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}]",
                "{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":5}",
                "\"just a string\"",
                "",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"no/such/method\"}",
                call(7, "no_such_tool", "{}"),
                call(8, "search", "{\"query\":\"" + "长".repeat(500) + "\"}"),
                call(9, "digest", "{\"slot\":\"2099.01.01.00\"}"),
                call(10, "digest", "{}"),
                "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":\"oops\"}",
                "x".repeat(JsonRpcLines.MAX_LINE_BYTES + 10),
                call(12, "latest_digest", "{}"));

        List<Integer> parseErrors = out.stream()
                .filter(m -> m.path("id").isNull())
                .map(m -> m.at("/error/code").asInt())
                .toList();
        // not JSON and cut-off JSON (parse errors); the batch, the string and the over-long line (invalid
        // requests): none has an id to answer
        assertThat(parseErrors).containsExactlyInAnyOrder(-32700, -32700, -32600, -32600, -32600);
        Map<String, JsonNode> r = byId(out);
        assertThat(r.get("4").at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(r.get("5").at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(r.get("6").at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(r.get("7").has("error")).isTrue();
        assertThat(r.get("7").at("/error/message").asText()).contains("Unknown tool");
        for (String id : List.of("8", "9", "10")) {
            assertThat(r.get(id).at("/result/isError").asBoolean()).as(id).isTrue();
        }
        assertThat(text(r.get("9"))).startsWith("slot 2099.01.01.00 has not ended yet");
        assertThat(r.get("11").has("error")).isTrue();
        assertThat(r.get("12").at("/result/isError").asBoolean()).isFalse();
        assertThat(text(r.get("12"))).contains("Black Forest Labs 发布 FLUX.2");
    }

    static String text(JsonNode response) {
        return response.at("/result/content/0/text").asText();
    }
}
