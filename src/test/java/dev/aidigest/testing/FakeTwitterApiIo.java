package dev.aidigest.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback twitterapi.io advanced search and list tweets, built from its documentation (docs.twitterapi.io:
 * {@code GET /twitter/tweet/advanced_search?query=&queryType=Latest&cursor=} with the
 * {@code x-api-key} header; answers {@code {tweets, has_next_page, next_cursor}}, up to 20 tweets a
 * page with {@code author.userName}/{@code author.name} and {@code createdAt} like
 * {@code Tue Dec 10 07:00:30 +0000 2024}; 15 credits per returned tweet, at least 15 a call; HTTP
 * 402 {@code Credits is not enough.Please recharge}, 403 without a key). Its "Get List Tweets"
 * endpoint, {@code GET /twitter/list/tweets?listId=&sinceTime=&untilTime=&includeReplies=&cursor=}
 * (times in unix seconds), answers the same page shape and is billed the same way; the parameter
 * names are those of the documentation's reference page as twitterapi.io's client libraries call it.
 * An unknown list is answered 404 here (not documented). Accounts post at a steady pace by the
 * test's clock; the bill is counted here.
 */
public final class FakeTwitterApiIo implements AutoCloseable {

    public static final long TWEET_MICROS = 150;
    private static final Pattern FROM = Pattern.compile("from:(\\w{1,15})");
    private static final Pattern SINCE = Pattern.compile("since_time:(\\d+)");
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private final HttpServer server;
    private final Clock clock;
    private final Instant start;
    private final List<String> handles;
    private final Duration every;
    private final ObjectMapper json = Jackson.json();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<ListRequest> listRequests = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final List<String> returned = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> bodies = new ConcurrentHashMap<>();
    private int calls;
    private long bill;
    private long credits = Long.MAX_VALUE;
    private int paymentRequired;

    public FakeTwitterApiIo(Clock clock, Instant start, List<String> handles, Duration every) throws IOException {
        this.clock = clock;
        this.start = start;
        this.handles = List.copyOf(handles);
        this.every = every;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** One call of the list endpoint: its parameters as received (null when absent). */
    public record ListRequest(String listId, String sinceTime, String cursor) {}

    /** Makes {@code members} (handles this fake knows) the members of list {@code id}. */
    public FakeTwitterApiIo list(String id, List<String> members) {
        lists.put(id, List.copyOf(members));
        return this;
    }

    /** Every call of the list endpoint, in order. */
    public List<ListRequest> listRequests() {
        return List.copyOf(listRequests);
    }

    /** Every tweet id answered so far, in order (a tweet sent twice appears twice). */
    public List<String> returned() {
        return List.copyOf(returned);
    }

    /**
     * Call number {@code call} (1-based, counting the calls this fake answers on either endpoint)
     * gets {@code body} with HTTP 200 instead of its page, billed the minimum.
     */
    public void answerCall(int call, String body) {
        bodies.put(call, body);
    }

    /** Every query received, in order (one per call). */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    public synchronized long bill() {
        return bill;
    }

    public synchronized void credits(long micros) {
        credits = bill + micros;
    }

    public synchronized int paymentRequired() {
        return paymentRequired;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        boolean search = path.equals("/twitter/tweet/advanced_search");
        if (!search && !path.equals("/twitter/list/tweets")) {
            send(ex, 404, "{\"detail\":\"Not Found\"}");
            return;
        }
        if (ex.getRequestHeaders().getFirst("x-api-key") == null) {
            send(
                    ex,
                    403,
                    "{\"error\":\"Forbidden\",\"message\":\"API key required. Please include x-api-key in your request header\"}");
            return;
        }
        synchronized (this) {
            if (bill >= credits) {
                paymentRequired++;
                send(ex, 402, "{\"error\":\"Unauthorized\",\"message\":\"Credits is not enough.Please recharge\"}");
                return;
            }
        }
        String raw = ex.getRequestURI().getRawQuery();
        String cursor = param(raw, "cursor");
        List<String> from = new ArrayList<>();
        long since;
        if (search) {
            String query = param(raw, "query");
            if (query == null) {
                send(ex, 400, "{\"detail\":\"query is required\"}");
                return;
            }
            queries.add(query);
            Matcher m = FROM.matcher(query);
            while (m.find()) {
                from.add(m.group(1));
            }
            Matcher s = SINCE.matcher(query);
            since = s.find() ? Long.parseLong(s.group(1)) : 0;
        } else {
            String listId = param(raw, "listId");
            String sinceTime = param(raw, "sinceTime");
            if (listId == null) {
                send(ex, 400, "{\"detail\":\"listId is required\"}");
                return;
            }
            listRequests.add(new ListRequest(listId, sinceTime, cursor));
            if (!lists.containsKey(listId)) {
                send(ex, 404, "{\"status\":\"error\",\"msg\":\"list not found\"}");
                return;
            }
            from.addAll(lists.get(listId));
            since = sinceTime == null ? 0 : Long.parseLong(sinceTime);
        }
        String injected;
        synchronized (this) {
            injected = bodies.remove(++calls);
            if (injected != null) {
                bill += TWEET_MICROS;
            }
        }
        if (injected != null) {
            send(ex, 200, injected);
            return;
        }
        send(ex, 200, page(from, since, cursor));
    }

    /**
     * A page of the posts of {@code from} after {@code since}, newest first, billed. A cursor holds
     * its page and the time of the first page, so later posts do not shift the pages after it.
     */
    private String page(List<String> from, long since, String cursor) {
        boolean first = cursor == null || cursor.isBlank();
        int page = first ? 0 : Integer.parseInt(cursor.substring(1, cursor.indexOf('.')));
        Instant until = first
                ? clock.instant()
                : Instant.ofEpochSecond(Long.parseLong(cursor.substring(cursor.indexOf('.') + 1)));
        List<long[]> found = new ArrayList<>(); // {epochSecond, account}
        for (int k = 0; k < handles.size(); k++) {
            if (!from.contains(handles.get(k))) {
                continue;
            }
            for (Instant t = start.plusSeconds(k); !t.isAfter(until); t = t.plus(every)) {
                if (t.getEpochSecond() > since) {
                    found.add(new long[] {t.getEpochSecond(), k});
                }
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        List<long[]> shown = found.subList(Math.min(found.size(), page * 20), Math.min(found.size(), page * 20 + 20));
        ObjectNode root = json.createObjectNode();
        ArrayNode tweets = root.putArray("tweets");
        for (long[] t : shown) {
            String handle = handles.get((int) t[1]);
            String id = Long.toString(t[0] * 1000 + t[1]);
            ObjectNode tw = tweets.addObject()
                    .put("type", "tweet")
                    .put("id", id)
                    .put("url", "https://x.com/" + handle + "/status/" + id)
                    .put("text", "post " + id + " by " + handle)
                    .put("createdAt", CREATED.format(Instant.ofEpochSecond(t[0]).atOffset(ZoneOffset.UTC)))
                    .put("lang", "en")
                    .put("likeCount", 3)
                    .put("retweetCount", 1)
                    .put("replyCount", 0)
                    .put("quoteCount", 0)
                    .put("viewCount", 100)
                    .put("isReply", false);
            tw.putObject("author").put("type", "user").put("userName", handle).put("name", "Name " + handle);
            returned.add(id);
        }
        boolean more = found.size() > page * 20 + 20;
        root.put("has_next_page", more).put("next_cursor", more ? "p" + (page + 1) + "." + until.getEpochSecond() : "");
        synchronized (this) {
            bill += Math.max(TWEET_MICROS, shown.size() * TWEET_MICROS);
        }
        return root.toString();
    }

    private static String param(String raw, String name) {
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0
                    && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
                            .equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
