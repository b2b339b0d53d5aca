package dev.aidigest.web;

import dev.aidigest.channel.Webhook;
import io.javalin.Javalin;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP side of {@code serve}: {@code GET /healthz}, the channels' webhooks, and the {@link Routes}
 * it is given (archive pages, feed, JSON API, {@link OpsRoutes} with /healthz details and /metrics).
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;

    public WebServer(List<Webhook> webhooks) {
        this(webhooks, List.of());
    }

    /** @param routes more routes (archive pages, feed, API), each adding itself to the configuration */
    public WebServer(List<Webhook> webhooks, List<Routes> routes) {
        this.app = Javalin.create(cfg -> {
            routes.forEach(r -> r.addTo(cfg));
            cfg.startup.showJavalinBanner = false;
            if (routes.stream().noneMatch(r -> r instanceof OpsRoutes)) { // OpsRoutes answers /healthz with details
                cfg.routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
            }
            for (Webhook w : webhooks) {
                cfg.routes.post(w.path(), ctx -> {
                    Map<String, String> headers = new TreeMap<>();
                    ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
                    Webhook.Response r = w.handle(headers, ctx.body());
                    ctx.status(r.status()).contentType(r.contentType()).result(r.body());
                });
            }
        });
    }

    /** Starts on {@code port} (0 picks a free one); returns the port. */
    public int start(int port) {
        app.start("0.0.0.0", port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
