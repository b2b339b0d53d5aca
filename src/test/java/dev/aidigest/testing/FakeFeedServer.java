package dev.aidigest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback feed host (a blog, or RSSHub). Serves feeds with an ETag and Last-Modified and answers
 * 304 when the client already has them; can also serve a huge body to test size limits.
 */
public final class FakeFeedServer implements AutoCloseable {

    /** One request as received, with its conditional headers. */
    public record Received(String path, String ifNoneMatch, String ifModifiedSince, String userAgent) {}

    private record Feed(
            int status, byte[] body, String etag, String lastModified, long hugeBytes, Map<String, String> headers) {}

    public static final String LAST_MODIFIED = "Wed, 26 Nov 2025 08:00:00 GMT";

    private final HttpServer server;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();

    public FakeFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code body} at {@code path} with the given ETag and {@link #LAST_MODIFIED}. */
    public FakeFeedServer feed(String path, byte[] body, String etag) {
        feeds.put(path, new Feed(200, body, etag, LAST_MODIFIED, 0, Map.of()));
        return this;
    }

    public FakeFeedServer status(String path, int status, Map<String, String> headers) {
        feeds.put(path, new Feed(status, new byte[0], null, null, 0, headers));
        return this;
    }

    /** A body of {@code bytes} bytes, streamed chunked (no length) or with a Content-Length. */
    public FakeFeedServer huge(String path, long bytes, boolean announceLength) {
        feeds.put(path, new Feed(200, null, null, null, announceLength ? bytes : -bytes, Map.of()));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Bytes written by huge bodies before the client hung up. */
    public long hugeBytesSent() {
        return bytesSent.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        received.add(new Received(
                path,
                inm,
                ex.getRequestHeaders().getFirst("If-Modified-Since"),
                ex.getRequestHeaders().getFirst("User-Agent")));
        Feed feed = feeds.get(path);
        if (feed == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        feed.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (feed.hugeBytes() != 0) {
            sendHuge(ex, Math.abs(feed.hugeBytes()), feed.hugeBytes() > 0);
            return;
        }
        if (feed.etag() != null && feed.etag().equals(inm)) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        if (feed.etag() != null) {
            ex.getResponseHeaders().add("ETag", feed.etag());
            ex.getResponseHeaders().add("Last-Modified", feed.lastModified());
        }
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        ex.sendResponseHeaders(feed.status(), feed.body().length == 0 ? -1 : feed.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(feed.body());
        }
    }

    private void sendHuge(HttpExchange ex, long size, boolean announce) {
        byte[] chunk = "<rss><channel><title>x</title>".repeat(2048).getBytes();
        try (OutputStream out = ex.getResponseBody()) {
            ex.sendResponseHeaders(200, announce ? size : 0);
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
                bytesSent.addAndGet(Math.min(chunk.length, size - sent));
            }
        } catch (IOException clientHungUp) {
            // expected: the client stops reading past its limit
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
