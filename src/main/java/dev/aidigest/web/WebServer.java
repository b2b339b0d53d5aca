package dev.aidigest.web;

import dev.aidigest.channel.Webhook;
import io.javalin.Javalin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;

/**
 * The HTTP side of {@code serve}: {@code GET /healthz}, the channels' webhooks, and the {@link Routes}
 * it is given (archive pages, feed, JSON API, {@link OpsRoutes} with /healthz details and /metrics).
 *
 * <p>Slow or hostile clients are held off with Jetty's own parts, per {@link HttpLimits}: the
 * connector's idle timeout, {@link ConnectionsPerAddress} on the connector, Jetty's
 * {@link MinimumDataRateHandler} for request bodies, and the {@link WebhookGate} that checks a
 * webhook's headers before its body is read and reads the body without holding a thread.
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;
    private final ConnectionsPerAddress perAddress;
    private volatile int requestedPort;

    public WebServer(List<Webhook> webhooks) {
        this(webhooks, List.of());
    }

    /** @param routes more routes (archive pages, feed, API), each adding itself to the configuration */
    public WebServer(List<Webhook> webhooks, List<Routes> routes) {
        this(webhooks, routes, HttpLimits.defaults());
    }

    public WebServer(List<Webhook> webhooks, List<Routes> routes, HttpLimits limits) {
        Map<String, Webhook> byPath = new HashMap<>();
        webhooks.forEach(w -> byPath.put(w.path(), w));
        this.perAddress = limits.maxConnectionsPerAddress() > 0
                ? new ConnectionsPerAddress(limits.maxConnectionsPerAddress())
                : null;
        this.app = Javalin.create(cfg -> {
            routes.forEach(r -> r.addTo(cfg));
            cfg.startup.showJavalinBanner = false;
            if (routes.stream().noneMatch(r -> r instanceof OpsRoutes)) { // OpsRoutes answers /healthz with details
                cfg.routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
            }
            for (Webhook w : webhooks) {
                cfg.routes.post(w.path(), ctx -> {
                    Webhook.Response r = w.handle(lowerCaseHeaders(ctx.headerMap()), ctx.body());
                    ctx.status(r.status()).contentType(r.contentType()).result(r.body());
                });
            }
            // Javalin puts its servlet context inside the innermost wrapper of the server's handler
            cfg.jetty.modifyServer(server -> server.setHandler(new MinimumDataRateHandler(
                    new WebhookGate(Map.copyOf(byPath), limits.bodyTimeout()), limits.minBodyBytesPerSecond(), 0)));
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost("0.0.0.0");
                c.setPort(requestedPort);
                c.setIdleTimeout(limits.readTimeout().toMillis());
                if (perAddress != null) {
                    c.addEventListener(perAddress);
                }
                return c;
            });
        });
    }

    private static Map<String, String> lowerCaseHeaders(Map<String, String> headers) {
        Map<String, String> out = new java.util.TreeMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    /** Starts on {@code port} (0 picks a free one); returns the port. */
    public int start(int port) {
        requestedPort = port;
        app.start();
        return app.port();
    }

    /** Connections closed at once because their address already held the most allowed. */
    public long refusedConnections() {
        return perAddress == null ? 0 : perAddress.refused();
    }

    @Override
    public void close() {
        app.stop();
    }
}
