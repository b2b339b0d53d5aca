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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback X API v2 that bills like pay-per-use: every post and user in an answer (data and
 * expansions) costs its price once per UTC day, counted here independently of the product's own
 * ledger. Accounts post at a steady pace by the test's clock ({@code /2/users/:id/tweets} and
 * {@code /2/lists/:id/tweets} serve them newest first with {@code since_id}, {@code max_results} and
 * {@code pagination_token}); with a credit balance set, an account out of credits gets HTTP 402.
 */
public final class FakePayPerUseXApi implements AutoCloseable {

    public static final long POST_MICROS = 5_000;
    public static final long USER_MICROS = 10_000;
    private static final long TWITTER_EPOCH_MS = 1288834974657L;

    private final HttpServer server;
    private final Clock clock;
    private final Instant start;
    private final List<String> handles;
    private final Duration every;
    private final ObjectMapper json = Jackson.json();
    private final Map<LocalDate, Set<String>> chargedToday = new HashMap<>();
    private final Map<LocalDate, Long> billByDay = new LinkedHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByPath = new HashMap<>();
    private long bill;
    private int paymentRequired;
    private long credits = Long.MAX_VALUE;

    /**
     * @param handles accounts, user id {@code 1000 + index}; each posts once per {@code every} from
     *     {@code start}
     */
    public FakePayPerUseXApi(Clock clock, Instant start, List<String> handles, Duration every) throws IOException {
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

    /** What the account has to spend from now on; past it, HTTP 402. */
    public synchronized void credits(long micros) {
        this.credits = bill + micros;
    }

    public synchronized long bill() {
        return bill;
    }

    public synchronized Map<LocalDate, Long> billByDay() {
        return Map.copyOf(billByDay);
    }

    /** How many calls were answered HTTP 402. */
    public synchronized int paymentRequired() {
        return paymentRequired;
    }

    public int requests() {
        return requests.get();
    }

    public synchronized int requests(String pathPrefix) {
        return requestsByPath.entrySet().stream()
                .filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    /** Every post the accounts have made up to now (what a reader could at most have read). */
    public long postsMadeUntilNow() {
        long n = 0;
        for (int k = 0; k < handles.size(); k++) {
            n += tweetsOf(k).size();
        }
        return n;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        requests.incrementAndGet();
        synchronized (this) {
            requestsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        }
        if (ex.getRequestHeaders().getFirst("Authorization") == null) {
            send(ex, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        synchronized (this) {
            if (bill >= credits) {
                paymentRequired++;
                send(
                        ex,
                        402,
                        "{\"title\":\"CreditsDepleted\",\"detail\":\"Your enrolled account does not have any credits"
                                + " to fulfill this request.\",\"type\":\"https://api.x.com/2/problems/credits\"}");
                return;
            }
        }
        ObjectNode answer;
        if (path.equals("/2/users/by")) {
            answer = users(q.getOrDefault("usernames", ""));
        } else if (path.matches("/2/users/\\d+/tweets")) {
            int k = Integer.parseInt(path.split("/")[3]) - 1000;
            answer = page(List.of(k), q);
        } else if (path.matches("/2/lists/\\d+/tweets")) {
            List<Integer> all = new ArrayList<>();
            for (int k = 0; k < handles.size(); k++) {
                all.add(k);
            }
            answer = page(all, q);
        } else {
            send(ex, 404, "{\"title\":\"Not Found Error\"}");
            return;
        }
        charge(answer);
        send(ex, 200, answer.toString());
    }

    private ObjectNode users(String usernames) {
        ObjectNode root = json.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (String name : usernames.split(",")) {
            for (int k = 0; k < handles.size(); k++) {
                if (handles.get(k).equalsIgnoreCase(name)) {
                    data.addObject()
                            .put("id", "" + (1000 + k))
                            .put("username", handles.get(k))
                            .put("name", "N" + k);
                }
            }
        }
        return root;
    }

    /** Newest first; {@code pagination_token} is the id below which the next page starts. */
    private ObjectNode page(List<Integer> authors, Map<String, String> q) {
        int max = Integer.parseInt(q.getOrDefault("max_results", "10"));
        long since = Long.parseLong(q.getOrDefault("since_id", "0"));
        long below = Long.parseLong(q.getOrDefault("pagination_token", "" + Long.MAX_VALUE));
        List<long[]> all = new ArrayList<>();
        for (int k : authors) {
            for (long id : tweetsOf(k)) {
                if (id > since && id < below) {
                    all.add(new long[] {id, k});
                }
            }
        }
        all.sort((a, b) -> Long.compare(b[0], a[0]));
        ObjectNode root = json.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        if (all.isEmpty()) {
            meta.put("result_count", 0);
            return root;
        }
        List<long[]> shown = all.subList(0, Math.min(max, all.size()));
        ArrayNode data = root.putArray("data");
        Set<Integer> authorsShown = new HashSet<>();
        for (long[] t : shown) {
            Instant at = Instant.ofEpochMilli((t[0] >> 22) + TWITTER_EPOCH_MS);
            data.addObject()
                    .put("id", Long.toString(t[0]))
                    .put("text", "post " + t[0] + " by " + handles.get((int) t[1]) + " about model release")
                    .put("author_id", "" + (1000 + t[1]))
                    .put("created_at", at.toString())
                    .put("lang", "en");
            authorsShown.add((int) t[1]);
        }
        ArrayNode users = root.putObject("includes").putArray("users");
        authorsShown.forEach(k -> users.addObject()
                .put("id", "" + (1000 + k))
                .put("username", handles.get(k))
                .put("name", "N" + k));
        meta.put("result_count", shown.size())
                .put("newest_id", Long.toString(shown.get(0)[0]))
                .put("oldest_id", Long.toString(shown.get(shown.size() - 1)[0]));
        if (all.size() > shown.size()) {
            meta.put("next_token", Long.toString(shown.get(shown.size() - 1)[0]));
        }
        return root;
    }

    /** Ids of account {@code k}'s posts made up to now, oldest first. */
    private List<Long> tweetsOf(int k) {
        List<Long> ids = new ArrayList<>();
        Instant now = clock.instant();
        Instant t = start.plusSeconds(k * 7L);
        while (!t.isAfter(now)) {
            ids.add(((t.toEpochMilli() - TWITTER_EPOCH_MS) << 22) | k);
            t = t.plus(every);
        }
        return ids;
    }

    private synchronized void charge(ObjectNode answer) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<String> seen = chargedToday.computeIfAbsent(day, d -> new HashSet<>());
        long cost = 0;
        for (var t : answer.path("data")) {
            String kind = t.has("username") ? "u:" : "p:";
            if (seen.add(kind + t.path("id").asText())) {
                cost += kind.equals("u:") ? USER_MICROS : POST_MICROS;
            }
        }
        for (var t : answer.path("includes").path("tweets")) {
            if (seen.add("p:" + t.path("id").asText())) {
                cost += POST_MICROS;
            }
        }
        for (var u : answer.path("includes").path("users")) {
            if (seen.add("u:" + u.path("id").asText())) {
                cost += USER_MICROS;
            }
        }
        bill += cost;
        billByDay.merge(day, cost, Long::sum);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
