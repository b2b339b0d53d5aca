package dev.aidigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A loopback Lark open API: tenant_access_token/internal (tokens can be revoked), im/v1/messages
 * (Bearer token checked, content must be JSON, cards over 30 KB refused with 230025 as Lark does),
 * im/v1/chats/:id (owner and admins), bot/v3/info, custom group bot hooks checking their
 * signature, and the long connection's {@code /callback/ws/endpoint} ({@link FakeLarkLongConnection}). Failures are scripted per chat with Lark's own bodies
 * (fixtures/lark/lark_error_bodies.json: 11232 comes back as HTTP 200).
 */
public final class FakeLarkOpenApi implements AutoCloseable {

    public static final String APP_ID = "cli_a1b2c3d4e5";
    public static final String APP_SECRET = "test-app-secret";
    public static final String BOT_OPEN_ID = "ou_bot0000000000000000000000000000";
    public static final int CARD_LIMIT = 30_000;

    /** One request as received: method, path, query, the Authorization header and the JSON body. */
    public record Call(String method, String path, String query, String auth, JsonNode body) {}

    private final ObjectMapper json = Jackson.json();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final JsonNode errors;
    public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    public final List<JsonNode> delivered = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> validTokens = new HashSet<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, List<String>> managers = new HashMap<>();
    private final Deque<Map.Entry<String, Failure>> failures = new ArrayDeque<>();
    private final Map<String, String> hookSecrets = new HashMap<>();
    private volatile long expireSeconds = 7200;
    private volatile FakeLarkLongConnection longConnection;
    private volatile JsonNode longConnectionRefusal;

    /** A scripted answer: HTTP status, body and optional headers. */
    public record Failure(int status, JsonNode body, Map<String, String> headers) {}

    public FakeLarkOpenApi() {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/lark/lark_error_bodies.json")) {
            errors = json.readTree(in);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- what the test scripts ----

    public synchronized void chat(String chatId, String owner, String... admins) {
        owners.put(chatId, owner);
        managers.put(chatId, List.of(admins));
    }

    public void tokenLifetime(long seconds) {
        expireSeconds = seconds;
    }

    /** Every token issued so far becomes invalid (Lark answers 99991663 until a new one is fetched). */
    public synchronized void revokeTokens() {
        validTokens.clear();
    }

    public int tokensIssued() {
        return tokens.get();
    }

    /** The next send to {@code chatId} fails with Lark's 11232 "frequency limited", as HTTP 200. */
    public void frequencyLimitedOnce(String chatId) {
        fail(
                chatId,
                new Failure(
                        errors.get("11232_frequency_limited_REAL_LOG")
                                .path("http_status")
                                .asInt(),
                        errors.get("11232_frequency_limited_REAL_LOG").get("body"),
                        Map.of()));
    }

    /** The next message to custom bot hook {@code token} is answered "frequency limited" (HTTP 200, code 11232). */
    public void hookFrequencyLimitedOnce(String token) {
        frequencyLimitedOnce("hook:" + token);
    }

    /** The next send to {@code chatId} fails with this code and message as Lark writes them. */
    public void failNext(String chatId, int status, int code, String msg, Map<String, String> headers) {
        fail(
                chatId,
                new Failure(status, json.createObjectNode().put("code", code).put("msg", msg), headers));
    }

    private synchronized void fail(String chatId, Failure f) {
        failures.add(Map.entry(chatId, f));
    }

    /** A custom group bot hook {@code /open-apis/bot/v2/hook/<token>} checking signatures with {@code secret}. */
    public synchronized String hook(String token, String secret) {
        hookSecrets.put(token, secret);
        return url() + "/open-apis/bot/v2/hook/" + token;
    }

    /** Messages accepted for a chat, in order, each {@code {receive_id, msg_type, content(parsed)}}. */
    public List<JsonNode> sentTo(String chatId) {
        synchronized (delivered) {
            return delivered.stream()
                    .filter(b -> chatId.equals(b.path("receive_id").asText()))
                    .toList();
        }
    }

    public List<Call> calls(String pathPrefix) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.path().startsWith(pathPrefix)).toList();
        }
    }

    // ---- the protocol ----

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(ex.getRequestMethod(), path, ex.getRequestURI().getQuery(), auth, body));
            if (path.equals("/open-apis/auth/v3/tenant_access_token/internal")) {
                token(ex, body);
            } else if (path.equals("/callback/ws/endpoint") && "POST".equals(ex.getRequestMethod())) {
                wsEndpoint(ex, body);
            } else if (path.startsWith("/open-apis/bot/v2/hook/")) {
                hookMessage(ex, path.substring("/open-apis/bot/v2/hook/".length()), body);
            } else if (!authorized(auth)) {
                answer(
                        ex,
                        400,
                        json.createObjectNode()
                                .put("code", 99991663)
                                .put(
                                        "msg",
                                        "Invalid access token for authorization. Please make a request with token attached."),
                        Map.of());
            } else if (path.equals("/open-apis/im/v1/messages") && "POST".equals(ex.getRequestMethod())) {
                send(ex, ex.getRequestURI().getQuery(), body);
            } else if (path.startsWith("/open-apis/im/v1/chats/") && "GET".equals(ex.getRequestMethod())) {
                chatInfo(ex, path.substring("/open-apis/im/v1/chats/".length()));
            } else if (path.equals("/open-apis/bot/v3/info")) {
                ObjectNode a = json.createObjectNode().put("code", 0).put("msg", "ok");
                a.putObject("bot")
                        .put("activate_status", 2)
                        .put("app_name", "AI 速递")
                        .put("open_id", BOT_OPEN_ID);
                answer(ex, 200, a, Map.of());
            } else {
                answer(ex, 404, json.createObjectNode().put("code", 404).put("msg", "404 page not found"), Map.of());
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void token(HttpExchange ex, JsonNode body) throws IOException {
        if (!APP_ID.equals(body.path("app_id").asText())
                || !APP_SECRET.equals(body.path("app_secret").asText())) {
            answer(ex, 400, json.createObjectNode().put("code", 10014).put("msg", "app secret invalid"), Map.of());
            return;
        }
        String t = "t-" + tokens.incrementAndGet() + "-g1044ddfeaaed0fa3b46b0a6a1ff9c";
        synchronized (this) {
            validTokens.add(t);
        }
        answer(
                ex,
                200,
                json.createObjectNode()
                        .put("code", 0)
                        .put("msg", "ok")
                        .put("tenant_access_token", t)
                        .put("expire", expireSeconds),
                Map.of());
    }

    /** Where the long connection goes; without one, the endpoint answers "system busy" (code 1). */
    public void longConnection(FakeLarkLongConnection server) {
        this.longConnection = server;
    }

    /** From now on the endpoint refuses the app with this code, one the SDK does not retry. */
    public void refuseLongConnection(int code, String msg) {
        this.longConnectionRefusal = json.createObjectNode().put("code", code).put("msg", msg);
    }

    /**
     * The SDK's first step: {@code {"AppID","AppSecret"}} in, the WebSocket URL and client
     * configuration out. The code for refused credentials here is an assumption (not captured from
     * Lark): the SDK gives up on any code other than 0, 1 and 1000040343.
     */
    private void wsEndpoint(HttpExchange ex, JsonNode body) throws IOException {
        FakeLarkLongConnection ws = longConnection;
        if (longConnectionRefusal != null) {
            answer(ex, 200, longConnectionRefusal, Map.of());
            return;
        }
        if (!APP_ID.equals(body.path("AppID").asText())
                || !APP_SECRET.equals(body.path("AppSecret").asText())) {
            answer(ex, 200, json.createObjectNode().put("code", 514).put("msg", "app id or secret invalid"), Map.of());
            return;
        }
        if (ws == null) {
            answer(ex, 200, json.createObjectNode().put("code", 1).put("msg", "system busy"), Map.of());
            return;
        }
        ObjectNode a = json.createObjectNode().put("code", 0).put("msg", "");
        ObjectNode d = a.putObject("data").put("URL", ws.connectUrl());
        d.set("ClientConfig", ws.clientConfig());
        answer(ex, 200, a, Map.of());
    }

    private synchronized boolean authorized(String auth) {
        return auth != null && auth.startsWith("Bearer ") && validTokens.contains(auth.substring(7));
    }

    private void send(HttpExchange ex, String query, JsonNode body) throws IOException {
        String chatId = body.path("receive_id").asText();
        if (!"receive_id_type=chat_id".equals(query) || chatId.isEmpty()) {
            answer(ex, 400, json.createObjectNode().put("code", 230001).put("msg", "invalid receive_id"), Map.of());
            return;
        }
        Failure f = nextFailure(chatId);
        if (f != null) {
            answer(ex, f.status(), f.body(), f.headers());
            return;
        }
        String type = body.path("msg_type").asText();
        String content = body.path("content").asText();
        JsonNode parsed;
        try {
            parsed = json.readTree(content);
        } catch (IOException e) {
            answer(
                    ex,
                    400,
                    json.createObjectNode().put("code", 230001).put("msg", "content is not a JSON string"),
                    Map.of());
            return;
        }
        if (!Set.of("interactive", "text").contains(type) || "text".equals(type) && !parsed.hasNonNull("text")) {
            answer(
                    ex,
                    400,
                    json.createObjectNode().put("code", 230001).put("msg", "invalid msg_type or content"),
                    Map.of());
            return;
        }
        if ("interactive".equals(type) && content.getBytes(StandardCharsets.UTF_8).length > CARD_LIMIT) {
            answer(
                    ex,
                    400,
                    json.createObjectNode().put("code", 230025).put("msg", "The message content is too long."),
                    Map.of());
            return;
        }
        ObjectNode record = json.createObjectNode().put("receive_id", chatId).put("msg_type", type);
        record.set("content", parsed);
        record.put("bytes", content.getBytes(StandardCharsets.UTF_8).length);
        delivered.add(record);
        String id = "om_" + messageIds.getAndIncrement();
        ObjectNode a = json.createObjectNode().put("code", 0).put("msg", "success");
        a.putObject("data").put("message_id", id).put("chat_id", chatId).put("msg_type", type);
        answer(ex, 200, a, Map.of());
    }

    private synchronized Failure nextFailure(String chatId) {
        for (var it = failures.iterator(); it.hasNext(); ) {
            var f = it.next();
            if (f.getKey().equals(chatId)) {
                it.remove();
                return f.getValue();
            }
        }
        return null;
    }

    private void chatInfo(HttpExchange ex, String chatId) throws IOException {
        String owner;
        List<String> admins;
        synchronized (this) {
            owner = owners.get(chatId);
            admins = managers.getOrDefault(chatId, List.of());
        }
        if (owner == null) {
            answer(
                    ex,
                    400,
                    json.createObjectNode().put("code", 232011).put("msg", "operator is NOT in the chat"),
                    Map.of());
            return;
        }
        ObjectNode a = json.createObjectNode().put("code", 0).put("msg", "success");
        ObjectNode d = a.putObject("data")
                .put("chat_mode", "group")
                .put("name", "AI 群")
                .put("owner_id_type", "open_id")
                .put("owner_id", owner);
        admins.forEach(d.putArray("user_manager_id_list")::add);
        d.putArray("bot_manager_id_list");
        answer(ex, 200, a, Map.of());
    }

    /** Custom group bot: {@code timestamp} + {@code sign} checked like Lark (within an hour, HMAC-SHA256). */
    private void hookMessage(HttpExchange ex, String token, JsonNode body) throws IOException {
        String secret;
        synchronized (this) {
            secret = hookSecrets.get(token);
        }
        if (secret == null) {
            answer(
                    ex,
                    404,
                    json.createObjectNode()
                            .put("code", 19001)
                            .put("msg", "param invalid: incoming webhook access token invalid"),
                    Map.of());
            return;
        }
        Failure f = nextFailure("hook:" + token);
        if (f != null) {
            answer(ex, f.status(), f.body(), f.headers());
            return;
        }
        long ts = body.path("timestamp").asLong(0);
        boolean fresh = Math.abs(System.currentTimeMillis() / 1000 - ts) < 3600;
        if (!fresh || !sign(ts, secret).equals(body.path("sign").asText())) {
            answer(ex, 200, errors.get("19021_sign_fail_REAL").get("body"), Map.of());
            return;
        }
        ObjectNode record = json.createObjectNode()
                .put("receive_id", "hook:" + token)
                .put("msg_type", body.path("msg_type").asText());
        record.set("content", body.has("card") ? body.get("card") : body.get("content"));
        delivered.add(record);
        answer(
                ex,
                200,
                json.createObjectNode().put("code", 0).put("msg", "success").putNull("data"),
                Map.of());
    }

    /** The custom bot signature, written independently of the adapter. */
    static String sign(long ts, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((ts + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange ex, int status, JsonNode body, Map<String, String> headers) throws IOException {
        byte[] b = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
