package dev.aidigest.web;

import dev.aidigest.channel.Webhook;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of the webhook routes as a Jetty handler, before the servlet that runs them:
 * <ol>
 *   <li>asks the webhook whether the headers admit a body ({@link Webhook#admit}) and answers a
 *       refusal at once, without reading the body;
 *   <li>refuses a declared length over the admitted size with 413;
 *   <li>reads the admitted body asynchronously, so a slow sender holds no server thread, and hands
 *       the route the whole body; a body that does not arrive in time or fast enough (Jetty's
 *       {@code MinimumDataRateHandler} outside this one) is answered 408 and logged in one line.
 * </ol>
 */
final class WebhookGate extends Handler.Wrapper {

    private static final Logger log = LoggerFactory.getLogger(WebhookGate.class);

    private final Map<String, Webhook> byPath;
    private final Duration bodyTimeout;

    WebhookGate(Map<String, Webhook> byPath, Duration bodyTimeout) {
        this.byPath = byPath;
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Webhook hook = "POST".equals(request.getMethod()) ? byPath.get(Request.getPathInContext(request)) : null;
        if (hook == null) {
            return super.handle(request, response, callback);
        }
        Webhook.Admission admission = hook.admit(headers(request));
        if (admission.refused()) {
            answer(response, callback, admission.refusal());
            return true;
        }
        long declared = request.getLength();
        if (declared > admission.maxBodyBytes()) {
            answer(response, callback, Webhook.Response.error(413, "body larger than " + admission.maxBodyBytes()));
            return true;
        }
        new BodyLoad(request, response, callback, (int) admission.maxBodyBytes()).start();
        return true;
    }

    /** Header names in lower case, as {@link Webhook} takes them; a repeated header keeps its first value. */
    static Map<String, String> headers(Request request) {
        Map<String, String> out = new TreeMap<>();
        for (HttpField f : request.getHeaders()) {
            out.putIfAbsent(f.getName().toLowerCase(Locale.ROOT), f.getValue());
        }
        return out;
    }

    private static void answer(Response response, Callback callback, Webhook.Response r) {
        response.setStatus(r.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.contentType());
        Content.Sink.write(response, true, r.body(), callback);
    }

    /** One request's body, read without blocking a thread; the route is called once it is complete. */
    private final class BodyLoad implements Promise.Invocable<byte[]> {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final int max;
        private final long started = System.nanoTime();
        private final AtomicBoolean done = new AtomicBoolean();
        private Scheduler.Task deadline;

        BodyLoad(Request request, Response response, Callback callback, int max) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.max = max;
        }

        void start() {
            deadline = request.getComponents()
                    .getScheduler()
                    .schedule(
                            () -> request.fail(
                                    new TimeoutException("body not complete within " + bodyTimeout.toSeconds() + " s")),
                            bodyTimeout.toMillis(),
                            TimeUnit.MILLISECONDS);
            Content.Source.asByteArrayAsync(request, max, this);
        }

        @Override
        public InvocationType getInvocationType() {
            return Invocable.InvocationType.BLOCKING; // the route behind may block (database, chat APIs)
        }

        @Override
        public void succeeded(byte[] body) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            try {
                Handler next = getHandler();
                if (next == null || !next.handle(new Loaded(request, body), response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }

        @Override
        public void failed(Throwable cause) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            boolean slow = cause instanceof TimeoutException || cause.getCause() instanceof TimeoutException;
            boolean tooLarge = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException;
            int status = slow ? 408 : tooLarge ? 413 : 400;
            log.info(
                    "{} {} from {} aborted after {} of {} body bytes in {} ms: {}",
                    request.getMethod(),
                    Request.getPathInContext(request),
                    Request.getRemoteAddr(request),
                    Request.getContentBytesRead(request),
                    request.getLength() < 0 ? "?" : request.getLength(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    reason(cause));
            answer(
                    response,
                    Callback.from(callback::succeeded, x -> callback.failed(cause)),
                    switch (status) {
                        case 408 -> Webhook.Response.error(408, "request body too slow");
                        case 413 -> Webhook.Response.error(413, "body larger than " + max);
                        default -> Webhook.Response.error(400, "request body incomplete");
                    });
        }

        private String reason(Throwable cause) {
            String m = cause.getMessage();
            return cause.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        }
    }

    /** The request as the route sees it: the same headers, the body already here. */
    private static final class Loaded extends Request.Wrapper {
        private ByteBuffer body;

        Loaded(Request wrapped, byte[] body) {
            super(wrapped);
            this.body = ByteBuffer.wrap(body);
        }

        @Override
        public Content.Chunk read() {
            ByteBuffer b = body;
            if (b == null) {
                return Content.Chunk.EOF;
            }
            body = null;
            return Content.Chunk.from(b, true);
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public void fail(Throwable failure) {
            body = null;
        }
    }
}
