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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Telegram Bot API speaking the real protocol: {@code POST /bot<token>/<method>} (method
 * names case-insensitive, as telegrambots sends {@code sendmessage} but {@code setMyCommands}), JSON bodies, {@code {"ok":..,"result":..}} answers, long-polling getUpdates
 * with offsets, getMe, setMyCommands, deleteWebhook, getChatMember, sendMessage (HTML checked like
 * Telegram does: allowed tags only, balanced, entities escaped, at most 4096 characters of text).
 * Errors are Telegram's own bodies (fixtures/telegram/telegram_error_bodies_as_used_in_public_tests.json).
 * Optionally enforces a rate limit (global per second, per chat gap) answering 429 with retry_after.
 * Like the Bot API, it allows one getUpdates poller per bot: a getUpdates that arrives while another
 * waits ends the waiting one with 409 "Conflict: terminated by other getUpdates request". Two pollers
 * are counted in {@link #conflicts} when a poller so ended polls again; a waiting request whose client
 * had already gone (a node that cancelled its poll when it handed the receiver over) is not a second
 * poller.
 */
public final class FakeTelegramBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token";
    public static final long BOT_ID = 777000111L;
    public static final String BOT_NAME = "AiDigestBot";
    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");
    private static final Set<String> TAGS = Set.of(
            "b",
            "strong",
            "i",
            "em",
            "u",
            "ins",
            "s",
            "strike",
            "del",
            "a",
            "code",
            "pre",
            "tg-spoiler",
            "span",
            "blockquote");

    /** One call as received. */
    public record Call(String method, JsonNode body, long atNanos) {}

    private final ObjectMapper json = Jackson.json();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final JsonNode errors;
    public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> updates = new ArrayList<>();
    private final AtomicInteger updateIds = new AtomicInteger(500_000);
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final Map<Long, Set<Long>> admins = new HashMap<>();
    private final Deque<Map.Entry<Long, JsonNode>> failures = new ArrayDeque<>();
    private volatile double maxPerSecond;
    private volatile long chatGapMillis;
    private final Deque<Long> recentSends = new ArrayDeque<>();
    private final Map<Long, Long> lastSendPerChat = new HashMap<>();
    public final AtomicInteger rateLimited = new AtomicInteger();
    public final AtomicInteger conflicts = new AtomicInteger();
    private long pollGeneration;
    /** Connections whose getUpdates was ended by a newer one (keep-alive: a live poller comes back on it). */
    private final Set<String> ended = new HashSet<>();

    static {
        // The JDK server writes headers and body separately; with Nagle on, every response waits for a
        // delayed ACK (~40 ms), which would make the fake, not our code, the bottleneck of benchmarks.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeTelegramBotApi() {
        this(0);
    }

    /** On a given port (0: any free one), e.g. one a bot was already told to reach while it was down. */
    public FakeTelegramBotApi(int port) {
        try (InputStream in = getClass()
                .getResourceAsStream("/fixtures/telegram/telegram_error_bodies_as_used_in_public_tests.json")) {
            errors = json.readTree(in);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
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

    public synchronized void admin(long chatId, long userId) {
        admins.computeIfAbsent(chatId, k -> new HashSet<>()).add(userId);
    }

    /** The next sendMessage to {@code chatId} (or any chat when null) fails with this fixture error. */
    public synchronized void failNextSend(Long chatId, String fixtureKey, Integer retryAfter) {
        ObjectNode e;
        if (fixtureKey.equals("migrate")) { // TelegramBots' ResponseWithError.json: 400 with migrate_to_chat_id 12345
            e = json.createObjectNode().put("status", 400);
            try (InputStream in = getClass()
                    .getResourceAsStream("/fixtures/telegram/rubenlagus_TelegramBots_ResponseWithError.json")) {
                e.set("body", json.readTree(in));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            failures.add(Map.entry(chatId == null ? Long.MIN_VALUE : chatId, e));
            return;
        }
        e = (ObjectNode) errors.get(fixtureKey).deepCopy();
        if (retryAfter != null) {
            ((ObjectNode) e.get("body").get("parameters")).put("retry_after", retryAfter);
            ((ObjectNode) e.get("body")).put("description", "Too Many Requests: retry after " + retryAfter);
        }
        failures.add(Map.entry(chatId == null ? Long.MIN_VALUE : chatId, e));
    }

    /** Enforce Telegram-like limits: at most {@code perSecond} sends in any second, {@code chatGapMillis} per chat. */
    public void enforceRateLimit(double perSecond, long chatGapMillis) {
        this.maxPerSecond = perSecond;
        this.chatGapMillis = chatGapMillis;
    }

    public void botAdded(long chatId, String title, long byUser, String status) {
        ObjectNode u = json.createObjectNode();
        ObjectNode m = u.putObject("my_chat_member");
        m.set("chat", chat(chatId, title));
        m.set("from", user(byUser, "Admin"));
        m.put("date", now());
        ObjectNode old = m.putObject("old_chat_member");
        old.set("user", botUser());
        old.put("status", "left");
        ObjectNode neu = m.putObject("new_chat_member");
        neu.set("user", botUser());
        neu.put("status", status);
        push(u);
    }

    /** A text message as Telegram delivers it, with a bot_command entity when it starts with '/'. */
    public void text(long chatId, String title, long fromUser, String text) {
        ObjectNode u = json.createObjectNode();
        ObjectNode m = u.putObject("message");
        m.put("message_id", messageIds.getAndIncrement());
        m.set("from", user(fromUser, "User" + fromUser));
        m.set("chat", chatId > 0 ? privateChat(chatId) : chat(chatId, title));
        m.put("date", now());
        m.put("text", text);
        if (text.startsWith("/")) {
            int len = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            ArrayNode entities = m.putArray("entities");
            entities.addObject().put("offset", 0).put("length", len).put("type", "bot_command");
        }
        push(u);
    }

    public void buttonPressed(long chatId, String title, long fromUser, String data) {
        ObjectNode u = json.createObjectNode();
        ObjectNode q = u.putObject("callback_query");
        q.put("id", "cb" + messageIds.getAndIncrement());
        q.set("from", user(fromUser, "User" + fromUser));
        ObjectNode msg = q.putObject("message");
        msg.put("message_id", 1);
        msg.put("date", now());
        msg.set("chat", chatId > 0 ? privateChat(chatId) : chat(chatId, title));
        msg.put("text", "...");
        q.put("chat_instance", "42");
        q.put("data", data);
        push(u);
    }

    /** Assigns the next update_id and queues it for getUpdates; returns the JSON (for webhook tests). */
    public synchronized ObjectNode push(ObjectNode update) {
        ObjectNode u = json.createObjectNode();
        u.put("update_id", updateIds.incrementAndGet());
        u.setAll(update);
        updates.add(u);
        notifyAll();
        return u;
    }

    /** The last update pushed, without queueing it (webhook tests post it themselves). */
    public synchronized ObjectNode takeLastUpdate() {
        return updates.remove(updates.size() - 1);
    }

    public List<Call> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    /** The most messages delivered (2xx) in any one second (a sliding window over the arrival times). */
    public int mostSentInOneSecond() {
        List<Long> at;
        synchronized (calls) {
            at = calls.stream()
                    .filter(c -> c.method().equals("sendmessage#ok"))
                    .map(Call::atNanos)
                    .sorted()
                    .toList();
        }
        int most = 0;
        int first = 0;
        for (int i = 0; i < at.size(); i++) {
            while (at.get(i) - at.get(first) >= 1_000_000_000L) {
                first++;
            }
            most = Math.max(most, i - first + 1);
        }
        return most;
    }

    /** Messages delivered (2xx) more than once: the same text to the same chat, counted past its first time. */
    public int duplicatesSent() {
        Set<String> seen = new HashSet<>();
        int twice = 0;
        synchronized (calls) {
            for (Call c : calls) {
                if (c.method().equals("sendmessage#ok")
                        && !seen.add(c.body().get("chat_id").asText() + "\n"
                                + c.body().path("text").asText())) {
                    twice++;
                }
            }
        }
        return twice;
    }

    /** Messages delivered (2xx) to a chat, in order. */
    public List<JsonNode> sentTo(long chatId) {
        synchronized (calls) {
            return calls.stream()
                    .filter(c -> c.method().equals("sendmessage#ok"))
                    .map(Call::body)
                    .filter(b -> b.get("chat_id").asLong() == chatId)
                    .toList();
        }
    }

    // ---- the protocol ----

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Matcher m = PATH.matcher(ex.getRequestURI().getPath());
            if (!m.matches() || !"POST".equals(ex.getRequestMethod()) && !"GET".equals(ex.getRequestMethod())) {
                System.err.println("fake Bot API: no such path " + ex.getRequestMethod() + " " + ex.getRequestURI());
                answer(ex, 404, error(404, "Not Found"));
                return;
            }
            if (!TOKEN.equals(m.group(1))) {
                answer(ex, 401, error(401, "Unauthorized"));
                return;
            }
            // Telegram matches method names case-insensitively; telegrambots sends most in lower case (sendmessage)
            // but some in camel case (setMyCommands)
            String method = m.group(2).toLowerCase(java.util.Locale.ROOT);
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
            calls.add(new Call(method, body, System.nanoTime()));
            switch (method) {
                case "getme" ->
                    answer(
                            ex,
                            200,
                            ok(botUser()
                                    .put("can_join_groups", true)
                                    .put("can_read_all_group_messages", false)
                                    .put("supports_inline_queries", false)));
                case "deletewebhook", "setmycommands", "answercallbackquery", "setwebhook" ->
                    answer(ex, 200, ok(json.getNodeFactory().booleanNode(true)));
                case "getupdates" -> {
                    ArrayNode got = poll(body, String.valueOf(ex.getRemoteAddress()));
                    if (got == null) {
                        answer(
                                ex,
                                409,
                                error(
                                        409,
                                        "Conflict: terminated by other getUpdates request;"
                                                + " make sure that only one bot instance is running"));
                    } else {
                        answer(ex, 200, ok(got));
                    }
                }
                case "getchatmember" ->
                    answer(
                            ex,
                            200,
                            ok(member(
                                    body.get("chat_id").asLong(),
                                    body.get("user_id").asLong())));
                case "sendmessage" -> sendMessage(ex, body);
                default -> answer(ex, 404, error(404, "Not Found: method not found"));
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void sendMessage(HttpExchange ex, JsonNode body) throws IOException {
        long chatId = body.get("chat_id").asLong();
        JsonNode failure = nextFailure(chatId);
        if (failure != null) {
            answer(
                    ex,
                    failure.get("status").asInt(),
                    json.writeValueAsBytes(
                            failure.has("body")
                                    ? failure.get("body")
                                    : failure.get("bodies").get(0)));
            return;
        }
        Integer retryAfter = checkRate(chatId);
        if (retryAfter != null) {
            rateLimited.incrementAndGet();
            ObjectNode e =
                    (ObjectNode) errors.get("429_with_retry_after").get("body").deepCopy();
            ((ObjectNode) e.get("parameters")).put("retry_after", retryAfter);
            e.put("description", "Too Many Requests: retry after " + retryAfter);
            answer(ex, 429, json.writeValueAsBytes(e));
            return;
        }
        String text = body.path("text").asText("");
        String problem = "HTML".equalsIgnoreCase(body.path("parse_mode").asText()) ? htmlProblem(text) : null;
        int visible = "HTML".equalsIgnoreCase(body.path("parse_mode").asText())
                ? visibleText(text).length()
                : text.length();
        if (problem != null) {
            answer(
                    ex,
                    400,
                    json.writeValueAsBytes(errors.get("400_cant_parse_entities_variants")
                            .get("bodies")
                            .get(0)));
            return;
        }
        if (visible > 4096) {
            answer(
                    ex,
                    400,
                    json.writeValueAsBytes(errors.get("400_message_too_long").get("body")));
            return;
        }
        calls.add(new Call("sendmessage#ok", body, System.nanoTime()));
        ObjectNode msg = json.createObjectNode();
        msg.put("message_id", messageIds.getAndIncrement());
        msg.put("date", now());
        msg.set("chat", chatId > 0 ? privateChat(chatId) : chat(chatId, "group"));
        msg.put("text", visibleText(text));
        answer(ex, 200, ok(msg));
    }

    private synchronized JsonNode nextFailure(long chatId) {
        for (var it = failures.iterator(); it.hasNext(); ) {
            var f = it.next();
            if (f.getKey() == Long.MIN_VALUE || f.getKey() == chatId) {
                it.remove();
                return f.getValue();
            }
        }
        return null;
    }

    private synchronized Integer checkRate(long chatId) {
        if (maxPerSecond <= 0) {
            return null;
        }
        long now = System.nanoTime();
        while (!recentSends.isEmpty() && recentSends.peekFirst() <= now - 1_000_000_000L) {
            recentSends.pollFirst();
        }
        Long last = lastSendPerChat.get(chatId);
        if (recentSends.size() >= maxPerSecond || last != null && now - last < chatGapMillis * 1_000_000L) {
            return 1;
        }
        recentSends.addLast(now);
        lastSendPerChat.put(chatId, now);
        return null;
    }

    /**
     * Long polling: answers at once when updates at or after the offset wait, else after up to 1 s;
     * null (409) when a newer getUpdates came in meanwhile.
     */
    private synchronized ArrayNode poll(JsonNode body, String connection) {
        if (ended.remove(connection)) {
            conflicts.incrementAndGet(); // it was ended by another poller and is still here: two pollers
        }
        long mine = ++pollGeneration;
        notifyAll(); // an older poll still waiting is terminated by this one
        long offset = body.path("offset").asLong(0);
        updates.removeIf(u -> u.get("update_id").asLong() < offset);
        long deadline =
                System.currentTimeMillis() + Math.min(1000, body.path("timeout").asLong(0) * 1000);
        while (updates.isEmpty() && System.currentTimeMillis() < deadline && pollGeneration == mine) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (pollGeneration != mine) {
            ended.add(connection);
            return null;
        }
        ArrayNode out = json.createArrayNode();
        updates.stream().limit(body.path("limit").asInt(100)).forEach(out::add);
        return out;
    }

    private synchronized ObjectNode member(long chatId, long userId) {
        ObjectNode m = json.createObjectNode();
        m.set("user", user(userId, "User" + userId));
        if (admins.getOrDefault(chatId, Set.of()).contains(userId)) {
            m.put("status", "administrator");
            for (String f : List.of(
                    "can_be_edited",
                    "is_anonymous",
                    "can_manage_chat",
                    "can_delete_messages",
                    "can_manage_video_chats",
                    "can_restrict_members",
                    "can_promote_members",
                    "can_change_info",
                    "can_invite_users",
                    "can_post_stories",
                    "can_edit_stories",
                    "can_delete_stories")) {
                m.put(f, false);
            }
        } else {
            m.put("status", "member");
        }
        return m;
    }

    /** Telegram's HTML rules, enough to catch unescaped text and unbalanced or unknown tags. */
    static String htmlProblem(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    return "unclosed <";
                }
                String tag = html.substring(i + 1, end).trim();
                boolean closing = tag.startsWith("/");
                String name = (closing ? tag.substring(1) : tag).split("\\s+")[0].toLowerCase();
                if (!TAGS.contains(name)) {
                    return "Unsupported start tag \"" + name + "\"";
                }
                if (closing) {
                    if (open.isEmpty() || !open.pop().equals(name)) {
                        return "unbalanced </" + name + ">";
                    }
                } else {
                    open.push(name);
                }
                i = end + 1;
            } else if (c == '&') {
                Matcher m = Pattern.compile("^&(amp|lt|gt|quot|#\\d+|#x[0-9a-fA-F]+);")
                        .matcher(html.substring(i, Math.min(html.length(), i + 12)));
                if (!m.find()) {
                    return "bad entity";
                }
                i += m.end();
            } else if (c == '>') {
                return "stray >";
            } else {
                i++;
            }
        }
        return open.isEmpty() ? null : "Can't find end of the entity";
    }

    static String visibleText(String html) {
        // Telegram decodes the four named entities and every numeric one
        return org.jsoup.nodes.Entities.unescape(html.replaceAll("<[^>]*>", ""));
    }

    private ObjectNode chat(long id, String title) {
        return json.createObjectNode().put("id", id).put("title", title).put("type", "supergroup");
    }

    private ObjectNode privateChat(long id) {
        return json.createObjectNode()
                .put("id", id)
                .put("first_name", "User" + id)
                .put("type", "private");
    }

    private ObjectNode user(long id, String name) {
        return json.createObjectNode()
                .put("id", id)
                .put("is_bot", false)
                .put("first_name", name)
                .put("language_code", "zh-hans");
    }

    private ObjectNode botUser() {
        return json.createObjectNode()
                .put("id", BOT_ID)
                .put("is_bot", true)
                .put("first_name", "AI Digest")
                .put("username", BOT_NAME);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private byte[] ok(JsonNode result) throws IOException {
        ObjectNode n = json.createObjectNode().put("ok", true);
        n.set("result", result);
        return json.writeValueAsBytes(n);
    }

    private byte[] error(int code, String description) throws IOException {
        return json.writeValueAsBytes(
                json.createObjectNode().put("ok", false).put("error_code", code).put("description", description));
    }

    private static void answer(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        synchronized (this) {
            notifyAll();
        }
        server.stop(0);
        pool.shutdownNow();
    }
}
