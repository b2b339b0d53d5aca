package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.event.CustomEventHandler;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.okhttp.Request;
import com.lark.oapi.okhttp.WebSocket;
import com.lark.oapi.okio.ByteString;
import com.lark.oapi.ws.Client;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Lark events over the long connection of Lark's Java SDK ({@link Client}): the bot opens
 * the connection itself ({@code POST <api_url>/callback/ws/endpoint} for the WebSocket address, then
 * protobuf frames with pings), so no public URL is needed. Each event frame's payload is the same
 * schema 2.0 envelope the HTTP callback carries, in plain text; it goes to the same
 * {@link LarkIntake}, and the SDK acknowledges it once the intake has taken it.
 *
 * <p>The SDK's client has no way to stop: {@link #close()} turns its automatic reconnection off,
 * closes the socket and stops its workers through its non-public members; its ping thread stays,
 * asleep. Known limits of SDK 2.5.3: an event that Lark splits over several frames is joined on a
 * pool without a lock, so parts arriving in the same instant can be lost (Lark then delivers the
 * event again, unacknowledged); a close frame from the server is not answered, so the connection
 * is only seen as gone when the socket ends.
 */
final class LarkLongConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LarkLongConnection.class);

    /** The events the bot handles; the app subscribes to these in the developer console. */
    static final List<String> EVENTS = List.of(
            "im.message.receive_v1",
            "card.action.trigger",
            "im.chat.member.bot.added_v1",
            "im.chat.member.bot.deleted_v1",
            "im.chat.disbanded_v1");

    /** Parks a client closed before it connected: its connect loop stops at the next check. */
    private static final WebSocket CLOSED = new WebSocket() {
        @Override
        public Request request() {
            return null;
        }

        @Override
        public long queueSize() {
            return 0;
        }

        @Override
        public boolean send(String text) {
            return false;
        }

        @Override
        public boolean send(ByteString bytes) {
            return false;
        }

        @Override
        public boolean close(int code, String reason) {
            return false;
        }

        @Override
        public void cancel() {}
    };

    private final Client client;
    private final ObjectMapper json;
    private final LarkIntake intake;
    private volatile boolean closed;

    /**
     * @param apiUrl the open platform's base URL ({@code https://open.feishu.cn}), the SDK's domain
     */
    LarkLongConnection(String appId, String appSecret, String apiUrl, ObjectMapper json, LarkIntake intake) {
        this.json = json;
        this.intake = intake;
        EventDispatcher.Builder events = EventDispatcher.newBuilder("", ""); // the long connection is not signed
        for (String type : EVENTS) {
            events.onCustomizedEvent(type, new CustomEventHandler() {
                @Override
                public void handle(EventReq event) throws IOException {
                    take(event.getBody());
                }
            });
        }
        this.client = new Client.Builder(appId, appSecret)
                .domain(stripSlash(apiUrl))
                .eventHandler(events.build())
                .autoReconnect(true)
                .build();
    }

    /**
     * Connects on a daemon thread and returns at once: the SDK retries an unreachable server on the
     * calling thread, with its own backoff, for as long as it takes.
     */
    void start() {
        Thread t = new Thread(
                () -> {
                    try {
                        client.start();
                        awaitOpen();
                    } catch (RuntimeException e) { // the SDK's ClientException: credentials or app settings
                        log.error(
                                "Lark long connection refused: {} (check the app id and secret, and that the"
                                        + " app is a self-built app with the bot ability)",
                                e.getMessage());
                    }
                },
                "lark-long-connection");
        t.setDaemon(true);
        t.start();
    }

    /** Logs once when the first connection is open (the SDK's own lines are below the log level). */
    private void awaitOpen() {
        for (int i = 0; i < 300 && !closed; i++) {
            if (connected()) {
                log.info("Lark long connection open: events arrive without a public URL");
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True while a WebSocket to Lark is open. */
    boolean connected() {
        Object conn = get("conn");
        return !closed && conn != null && conn != CLOSED;
    }

    private void take(byte[] body) throws IOException {
        if (closed) {
            throw new IOException("closing"); // not acknowledged: Lark delivers it again
        }
        JsonNode event = json.readTree(body);
        if (event == null || !event.isObject()) {
            throw new IOException("event payload is not a JSON object");
        }
        intake.accept(event);
    }

    /**
     * Turns reconnection off, closes the socket and stops the SDK's workers without interrupting
     * them. Its ping loop reads {@code conn} twice per ping and parses {@code serviceId}; when the
     * closing handshake ends, the SDK's own listener nulls both. Interrupting the pool woke the ping
     * thread at that very moment, and its ping failed with a NullPointerException that the SDK logged
     * with its stack trace at every stop. Left asleep, it next wakes after the handshake, finds no
     * socket and sends nothing.
     */
    @Override
    public void close() {
        closed = true;
        Object open;
        synchronized (client) { // the client's connect and disconnect hold its lock
            set("autoReconnect", Boolean.FALSE);
            open = get("conn");
            if (open == null) {
                set("conn", CLOSED); // still connecting: its connect loop stops at the next check
            }
        }
        if (open instanceof WebSocket socket && socket != CLOSED) {
            socket.close(1000, "client closed");
        }
        Object executor = get("executor");
        if (executor instanceof ExecutorService pool) {
            pool.shutdown();
        }
    }

    private Object get(String field) {
        try {
            Field f = Client.class.getDeclaredField(field);
            f.setAccessible(true);
            return f.get(client);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Lark SDK client has no field " + field, e);
        }
    }

    private void set(String field, Object value) {
        try {
            Field f = Client.class.getDeclaredField(field);
            f.setAccessible(true);
            synchronized (client) { // the client's connect and disconnect hold its lock
                f.set(client, value);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Lark SDK client has no field " + field, e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
