package dev.aidigest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback X API v2: answers each path with queued replies (the last one repeats), fed with
 * real payloads from {@code fixtures/twitter/}, and records every request for assertions.
 */
public final class FakeXApi implements AutoCloseable {

    /** One request as received. */
    public record Received(
            String method, String path, Map<String, String> query, String authorization, String userAgent) {}

    private record Reply(int status, byte[] body, Map<String, String> headers) {}

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeXApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code path} with a fixture file, status 200. */
    public FakeXApi fixture(String path, String fixture) {
        return reply(path, 200, FixtureFiles.bytes("twitter/" + fixture), Map.of());
    }

    public FakeXApi reply(String path, int status, byte[] body, Map<String, String> headers) {
        replies.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Reply(status, body, headers));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(
                exchange.getRequestMethod(),
                path,
                query(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("User-Agent")));
        Reply reply = next(path);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    private Reply next(String path) {
        Deque<Reply> queue = replies.get(path);
        if (queue == null || queue.isEmpty()) {
            byte[] body = ("{\"title\":\"Not Found Error\",\"detail\":\"no fake reply for " + path + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            return new Reply(404, body, Map.of());
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
