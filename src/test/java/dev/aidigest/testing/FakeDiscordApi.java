package dev.aidigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Discord REST API (v10) with the endpoints our bot uses: {@code GET /users/@me},
 * {@code PUT /applications/:id/commands}, {@code POST /channels/:id/messages}, DM channels,
 * interaction callbacks, the interaction webhook (edit original, follow-ups) and channel webhooks
 * under {@code /api/webhooks/:id/:token}. Messages are checked against Discord's embed limits
 * (answering 50035 like Discord); failures are scripted per channel with Discord's bodies
 * (fixtures/discord/: 429 with retry_after and its headers, 50013 missing permissions...).
 */
public final class FakeDiscordApi implements AutoCloseable {

    public static final String TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.Gx_test.fake-bot-token";
    public static final String BOT_ID = "1098765432109876543";
    public static final String APP_ID = "1098765432109876543";

    /** One request: method, path (after {@code /api}), Authorization header and JSON body. */
    public record Call(String method, String path, String auth, JsonNode body) {}

    /** A scripted answer. */
    public record Failure(int status, JsonNode body, Map<String, String> headers) {}

    private final ObjectMapper json = Jackson.json();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Map.Entry<String, Failure>> failures = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1200000000000000000L);

    public FakeDiscordApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The REST base URL JDA and our adapter take ({@code .../api/v10/}). */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    /** A channel webhook URL as Discord shows it. */
    public String channelWebhook(String id, String token) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/webhooks/" + id + "/" + token;
    }

    // ---- scripting ----

    /** The next message to {@code target} (a channel id, or a webhook id) fails like this. */
    public synchronized void failNext(String target, int status, JsonNode body, Map<String, String> headers) {
        failures.add(Map.entry(target, new Failure(status, body, headers)));
    }

    public void missingPermissionsOnce(String channelId) {
        failNext(
                channelId,
                403,
                json.createObjectNode().put("message", "Missing Permissions").put("code", 50013),
                Map.of());
    }

    /** Discord's user-scope 429 (fixtures/discord/discord_docs_rate_limit_429_examples.http.txt), with a short wait. */
    public void rateLimitedOnce(String channelId, double retryAfter) {
        failNext(
                channelId,
                429,
                json.createObjectNode()
                        .put("message", "You are being rate limited.")
                        .put("retry_after", retryAfter)
                        .put("global", false),
                Map.of(
                        "Retry-After",
                        String.valueOf((int) Math.ceil(retryAfter)),
                        "X-RateLimit-Limit",
                        "5",
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset-After",
                        String.valueOf(retryAfter),
                        "X-RateLimit-Bucket",
                        "abcd1234",
                        "X-RateLimit-Scope",
                        "user"));
    }

    public List<Call> calls(String method, String pathRegex) {
        synchronized (calls) {
            return calls.stream()
                    .filter(c -> c.method().equals(method) && c.path().matches(pathRegex))
                    .toList();
        }
    }

    /** Messages accepted in a channel ({@code POST /channels/:id/messages}), in order. */
    public List<JsonNode> messagesIn(String channelId) {
        return calls("POST#ok", "/v10/channels/" + channelId + "/messages").stream()
                .map(Call::body)
                .toList();
    }

    // ---- the protocol ----

    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("^/v10/channels/(\\d+)/messages$");
    private static final Pattern CHANNEL_WEBHOOK = Pattern.compile("^/webhooks/(\\d+)/([^/]+)$");
    private static final Pattern HOOK_ORIGINAL = Pattern.compile("^/v10/webhooks/(\\d+)/([^/]+)/messages/@original$");
    private static final Pattern HOOK_FOLLOWUP = Pattern.compile("^/v10/webhooks/(\\d+)/([^/]+)$");
    private static final Pattern CALLBACK = Pattern.compile("^/v10/interactions/(\\d+)/([^/]+)/callback$");
    private static final Pattern COMMANDS = Pattern.compile("^/v10/applications/(\\d+)/commands$");

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().replaceFirst("^/api", "");
            String method = ex.getRequestMethod();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(method, path, auth, body));
            Matcher m;
            if ((m = CHANNEL_WEBHOOK.matcher(path)).matches() && method.equals("POST")) {
                message(ex, m.group(1), m.group(1), body, path);
                return;
            }
            if ((m = HOOK_ORIGINAL.matcher(path)).matches() || (m = HOOK_FOLLOWUP.matcher(path)).matches()) {
                message(ex, m.group(2), "1000000000000000001", body, path); // the interaction token authorises
                return;
            }
            if ((m = CALLBACK.matcher(path)).matches()) {
                calls.add(new Call("CALLBACK#ok", path, auth, body));
                answer(ex, 204, null, Map.of());
                return;
            }
            if (!("Bot " + TOKEN).equals(auth)) {
                answer(
                        ex,
                        401,
                        json.createObjectNode()
                                .put("message", "401: Unauthorized")
                                .put("code", 0),
                        Map.of());
                return;
            }
            if (path.equals("/v10/users/@me")) {
                answer(ex, 200, botUser(), Map.of());
            } else if (path.equals("/v10/users/@me/channels") && method.equals("POST")) {
                String user = body.path("recipient_id").asText();
                ObjectNode ch = json.createObjectNode()
                        .put("id", "2" + user.substring(1))
                        .put("type", 1)
                        .put("last_message_id", (String) null);
                ch.putArray("recipients")
                        .addObject()
                        .put("id", user)
                        .put("username", "reader")
                        .put("discriminator", "0")
                        .put("global_name", "Reader")
                        .putNull("avatar");
                answer(ex, 200, ch, Map.of());
            } else if ((m = COMMANDS.matcher(path)).matches() && method.equals("PUT")) {
                ArrayNode out = json.createArrayNode();
                for (JsonNode c : body) {
                    ObjectNode o = ((ObjectNode) c.deepCopy())
                            .put("id", String.valueOf(ids.incrementAndGet()))
                            .put("application_id", APP_ID)
                            .put("version", "1")
                            .put("type", c.path("type").asInt(1));
                    out.add(o);
                }
                answer(ex, 200, out, Map.of());
            } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")) {
                message(ex, m.group(1), m.group(1), body, path);
            } else {
                answer(
                        ex,
                        404,
                        json.createObjectNode().put("message", "404: Not Found").put("code", 0),
                        Map.of());
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void message(HttpExchange ex, String target, String channelId, JsonNode body, String path)
            throws IOException {
        Failure f = nextFailure(target);
        if (f != null) {
            answer(ex, f.status(), f.body(), f.headers());
            return;
        }
        String problem = embedProblem(body);
        if (problem != null) {
            ObjectNode e = json.createObjectNode().put("code", 50035).put("message", "Invalid Form Body");
            e.putObject("errors")
                    .putObject("embeds")
                    .putArray("_errors")
                    .addObject()
                    .put("code", "BASE_TYPE_MAX_LENGTH")
                    .put("message", problem);
            answer(ex, 400, e, Map.of());
            return;
        }
        calls.add(new Call(ex.getRequestMethod() + "#ok", path, null, body));
        ObjectNode msg = json.createObjectNode()
                .put("id", String.valueOf(ids.incrementAndGet()))
                .put("channel_id", channelId)
                .put("type", 0)
                .put("content", body.path("content").asText(""))
                .put("timestamp", "2025-11-26T08:00:00.000000+00:00")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .putNull("edited_timestamp");
        msg.set("author", botUser());
        ArrayNode embeds = msg.putArray("embeds");
        body.path("embeds").forEach(e -> embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
        msg.putArray("attachments");
        msg.putArray("mentions");
        msg.putArray("mention_roles");
        msg.set("components", body.has("components") ? body.get("components") : json.createArrayNode());
        answer(ex, 200, msg, Map.of());
    }

    /** Discord's embed limits: 10 embeds, title 256, description 4096, 6000 in all. */
    static String embedProblem(JsonNode body) {
        JsonNode embeds = body.path("embeds");
        if (embeds.size() > 10) {
            return "Must be 10 or fewer in length.";
        }
        int total = 0;
        for (JsonNode e : embeds) {
            int t = e.path("title").asText("").length();
            int d = e.path("description").asText("").length();
            if (t > 256 || d > 4096) {
                return "Must be 4096 or fewer in length.";
            }
            total += t + d;
        }
        return total > 6000 ? "Embed size exceeds maximum size of 6000" : null;
    }

    private synchronized Failure nextFailure(String target) {
        for (var it = failures.iterator(); it.hasNext(); ) {
            var f = it.next();
            if (f.getKey().equals(target)) {
                it.remove();
                return f.getValue();
            }
        }
        return null;
    }

    public ObjectNode botUser() {
        return json.createObjectNode()
                .put("id", BOT_ID)
                .put("username", "AI Digest")
                .put("discriminator", "0")
                .put("global_name", "AI Digest")
                .putNull("avatar")
                .put("bot", true)
                .put("verified", true)
                .put("flags", 0)
                .put("mfa_enabled", false);
    }

    private void answer(HttpExchange ex, int status, JsonNode body, Map<String, String> headers) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] b = json.writeValueAsBytes(body);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    /** A fixture file from src/test/resources/fixtures/discord/. */
    public JsonNode fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/discord/" + name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
