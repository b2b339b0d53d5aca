package dev.aidigest.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The five MCP tools over {@link ArchiveTools}: their names, descriptions and input schemas, and the
 * call that turns a refusal or a failure into a tool error ({@code isError}) instead of a protocol
 * failure. The arguments are checked twice: by the SDK against the schema, and here again, so a
 * client that skips the schema still gets one sentence back.
 */
public final class McpTools {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(McpTools.class);

    static final String NAME = "ai-digest";
    static final String VERSION = "0.1.0";
    static final String INSTRUCTIONS = "A Chinese digest of what the people who move AI post on X and in feeds:"
            + " one digest per 4-hour slot (named by the hour its window ends, Asia/Shanghai by default:"
            + " 2025.11.26.16), a daily report per day, each digest item one story with all its authors."
            + " To find what happened with something, call search, then story on the ids it names.";

    /** One tool: its declaration and what answers it. */
    record Definition(McpSchema.Tool tool, Function<Map<String, Object>, ToolAnswer> answer) {

        static Definition ofText(McpSchema.Tool tool, Function<Map<String, Object>, String> text) {
            return new Definition(tool, args -> ToolAnswer.text(text.apply(args)));
        }
    }

    private McpTools() {}

    static List<Definition> definitions(ArchiveTools tools) {
        return List.of(
                Definition.ofText(
                        tool(
                                "latest_digest",
                                "The newest 4-hour digest as markdown (front matter, then the numbered items:"
                                        + " headline, link, authors, summary), with the story ids of its items.",
                                Map.of(),
                                List.of()),
                        args -> tools.latestDigest()),
                Definition.ofText(
                        tool(
                                "digest",
                                "The digest of one 4-hour slot as markdown. A slot is named by the local hour its"
                                        + " window ends: YYYY.MM.DD.HH with HH one of 00, 04, 08, 12, 16, 20"
                                        + " (2025.11.26.16 covers 12:00-16:00 that day). A slot that has not ended is refused.",
                                Map.of(
                                        "slot",
                                        string("the slot, e.g. 2025.11.26.16", "^\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}$")),
                                List.of("slot")),
                        args -> tools.digest(text(args, "slot"))),
                Definition.ofText(
                        tool(
                                "search",
                                "Digest items and posts that mention every word of the query (Chinese or English;"
                                        + " names match across languages: 英伟达 finds Nvidia), newest first, "
                                        + ArchiveTools.PAGE_SIZE
                                        + " per page unless limit says otherwise; since and until keep to a time"
                                        + " (e.g. this week: since the Monday's date). A post is dated when it was"
                                        + " posted, a digest item by the end of its digest's window. Each result"
                                        + " names its story id (slot#item, e.g. 2025.11.26.16#3) when it is or belongs"
                                        + " to a digest item; pass it to story.",
                                searchProperties(),
                                List.of("query")),
                        args -> tools.search(
                                text(args, "query"),
                                whole(args, "page", 1),
                                whole(args, "limit", ArchiveTools.PAGE_SIZE),
                                optionalText(args, "since"),
                                optionalText(args, "until"))),
                new Definition(
                        tool(
                                "daily_report",
                                "The daily report of one day as markdown: overview, key points, opinions, events,"
                                        + " market reaction, analysis; and its Chinese word cloud as a PNG image when"
                                        + " one was drawn (the text says whether). The date is YYYY-MM-DD in the"
                                        + " digest's time zone; today and later days are refused.",
                                Map.of("date", string("the day, e.g. 2025-11-26", "^\\d{4}-\\d{2}-\\d{2}$")),
                                List.of("date")),
                        args -> tools.dailyReportWithWordCloud(text(args, "date"))),
                Definition.ofText(
                        tool(
                                "story",
                                "One story: an item of a stored digest, with its headline, link, every author and"
                                        + " its summary. A story id is the digest's slot and the item's number in it,"
                                        + " slot#N, e.g. 2025.11.26.16#3 (search and the digests name them).",
                                Map.of("id", string("the story id, e.g. 2025.11.26.16#3", StoryId.PATTERN)),
                                List.of("id")),
                        args -> tools.story(text(args, "id"))));
    }

    /** The tools for a server with sessions (stdio). */
    public static List<McpServerFeatures.SyncToolSpecification> forSessions(ArchiveTools tools) {
        return definitions(tools).stream()
                .map(d -> new McpServerFeatures.SyncToolSpecification(d.tool(), (exchange, req) -> call(d, req)))
                .toList();
    }

    /** The same tools for the stateless HTTP server. */
    public static List<McpStatelessServerFeatures.SyncToolSpecification> stateless(ArchiveTools tools) {
        return definitions(tools).stream()
                .map(d ->
                        new McpStatelessServerFeatures.SyncToolSpecification(d.tool(), (context, req) -> call(d, req)))
                .toList();
    }

    static CallToolResult call(Definition d, CallToolRequest request) {
        String name = d.tool().name();
        try {
            Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
            ToolAnswer answer = d.answer().apply(args);
            CallToolResult.Builder result = CallToolResult.builder().addTextContent(answer.text());
            answer.png()
                    .ifPresent(png -> result.addContent(
                            new McpSchema.ImageContent(null, Base64.getEncoder().encodeToString(png), "image/png")));
            return result.isError(false).build();
        } catch (ToolRefusal e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("mcp tool {} failed", name, e);
            return error(name + " failed: the archive could not be read (" + oneLine(e) + ")");
        }
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() <= 200 ? m : m.substring(0, 200) + "…";
    }

    private static McpSchema.Tool tool(
            String name, String description, Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                // read-only, idempotent, a closed world (the archive)
                .annotations(new McpSchema.ToolAnnotations(null, true, false, true, false, null))
                .build();
    }

    private static Map<String, Object> string(String description, String pattern) {
        return Map.of("type", "string", "description", description, "pattern", pattern);
    }

    private static Map<String, Object> searchProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(
                "query",
                Map.of(
                        "type",
                        "string",
                        "description",
                        "one or more words, e.g. FLUX.2 or 视频生成",
                        "minLength",
                        1,
                        "maxLength",
                        ArchiveTools.MAX_QUERY_CHARS));
        p.put(
                "page",
                Map.of(
                        "type",
                        "integer",
                        "description",
                        "the page, from 1 (default 1)",
                        "minimum",
                        1,
                        "maximum",
                        ArchiveTools.MAX_PAGE));
        p.put(
                "limit",
                Map.of(
                        "type",
                        "integer",
                        "description",
                        "results per page (default " + ArchiveTools.PAGE_SIZE + ")",
                        "minimum",
                        1,
                        "maximum",
                        ArchiveTools.MAX_LIMIT));
        p.put(
                "since",
                Map.of(
                        "type",
                        "string",
                        "description",
                        "only results at or after this: " + SearchRange.FORMS
                                + " (a date is its start in the digest's time zone; a date-time without offset is"
                                + " in that zone too)"));
        p.put(
                "until",
                Map.of(
                        "type",
                        "string",
                        "description",
                        "only results before this: " + SearchRange.FORMS + " (a date includes that whole day)"));
        return p;
    }

    private static String text(Map<String, Object> args, String key) {
        Object v = args.get(key);
        if (v == null) {
            throw new ToolRefusal("missing argument: " + key);
        }
        if (!(v instanceof String s)) {
            throw new ToolRefusal("argument " + key + " must be a string");
        }
        return s;
    }

    private static String optionalText(Map<String, Object> args, String key) {
        return args.get(key) == null ? null : text(args, key);
    }

    private static int whole(Map<String, Object> args, String key, int absent) {
        Object v = args.get(key);
        if (v == null) {
            return absent;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.doubleValue() > Integer.MAX_VALUE
                    ? Integer.MAX_VALUE
                    : (int) Math.max(Integer.MIN_VALUE, n.longValue());
        }
        throw new ToolRefusal("argument " + key + " must be a whole number");
    }
}
