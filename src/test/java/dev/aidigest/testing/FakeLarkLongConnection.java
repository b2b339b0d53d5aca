package dev.aidigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.json.Jackson;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback Lark long-connection server, the WebSocket half of the protocol that Lark's SDK client
 * ({@code com.lark.oapi.ws.Client}) speaks; the HTTP half, {@code POST /callback/ws/endpoint}, is
 * {@link FakeLarkOpenApi}'s, which hands out {@link #connectUrl()}. Frames are protobuf
 * {@code pbbp2.Frame} messages, encoded here from the schema (not with the SDK's classes):
 *
 * <pre>
 * message Header { required string key = 1; required string value = 2; }
 * message Frame  { required uint64 SeqID = 1; required uint64 LogID = 2; required int32 service = 3;
 *                  required int32 method = 4; repeated Header headers = 5; optional string payload_encoding = 6;
 *                  optional string payload_type = 7; optional bytes payload = 8; optional string LogIDNew = 9; }
 * </pre>
 *
 * method 0 is a control frame ({@code type: ping} from the client, answered {@code type: pong} with
 * the client configuration as payload), method 1 a data frame: the server sends {@code type: event}
 * with {@code message_id}, {@code sum}, {@code seq}, {@code trace_id}, and the client answers with the
 * same frame carrying {@code {"code":200}} (or 500) and a {@code biz_rt} header. The URL shape and
 * client configuration keys are those Lark's endpoint returns ({@code wss://msg-frontier.feishu.cn/ws/v2?...}).
 */
public final class FakeLarkLongConnection implements AutoCloseable {

    public static final int SERVICE_ID = 33554678;

    /** One acknowledgement from the client: the frame's message id, its JSON payload and headers. */
    public record Ack(String messageId, JsonNode payload, Map<String, String> headers) {}

    private final ObjectMapper json = Jackson.json();
    private final Javalin app;
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger();
    public final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private volatile WsContext session;
    private volatile int pingIntervalSeconds = 1;

    public FakeLarkLongConnection() {
        app = Javalin.create(cfg -> cfg.routes.ws("/ws/v2", ws -> {
                    ws.onConnect(ctx -> {
                        if (!tickets.remove(String.valueOf(ctx.queryParam("ticket")))
                                || !String.valueOf(SERVICE_ID).equals(ctx.queryParam("service_id"))) {
                            ctx.closeSession();
                            return;
                        }
                        session = ctx;
                        connections.incrementAndGet();
                    });
                    ws.onBinaryMessage(ctx -> onFrame(ctx, ctx.data()));
                    ws.onClose(ctx -> {
                        if (session != null && session.sessionId().equals(ctx.sessionId())) {
                            session = null;
                        }
                    });
                }))
                .start("127.0.0.1", 0);
    }

    /** A fresh connect URL with a one-time ticket, as the endpoint hands it out. */
    public String connectUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + app.port() + "/ws/v2?fpid=493&aid=552564&device_id="
                + (7677469797122837778L + seq.get())
                + "&access_key=" + UUID.randomUUID().toString().replace("-", "") + "&service_id=" + SERVICE_ID
                + "&ticket=" + ticket;
    }

    /** The {@code ClientConfig} the endpoint and each pong carry: fast pings and reconnects for tests. */
    public ObjectNode clientConfig() {
        return json.createObjectNode()
                .put("PingInterval", pingIntervalSeconds)
                .put("ReconnectCount", -1)
                .put("ReconnectInterval", 1)
                .put("ReconnectNonce", 0);
    }

    public boolean connected() {
        return session != null;
    }

    /** How many WebSocket sessions were accepted so far. */
    public int connections() {
        return connections.get();
    }

    public int pings() {
        return pings.get();
    }

    /** Delivers an event (a schema 2.0 envelope) in one data frame; returns the frame's message id. */
    public String push(String event) {
        return push(event, 1);
    }

    /** Delivers an event split into {@code parts} data frames (the {@code sum}/{@code seq} headers). */
    public String push(String event, int parts) {
        WsContext s = session;
        if (s == null) {
            throw new IllegalStateException("no long connection open");
        }
        byte[] all = event.getBytes(StandardCharsets.UTF_8);
        String id = "fake-msg-" + messageIds.incrementAndGet();
        String trace = UUID.randomUUID().toString();
        int size = (all.length + parts - 1) / parts;
        for (int i = 0; i < parts; i++) {
            byte[] part = java.util.Arrays.copyOfRange(
                    all, Math.min(all.length, i * size), Math.min(all.length, (i + 1) * size));
            Map<String, String> h = new LinkedHashMap<>();
            h.put("type", "event");
            h.put("message_id", id);
            h.put("sum", String.valueOf(parts));
            h.put("seq", String.valueOf(i));
            h.put("trace_id", trace);
            send(s, frame(seq.incrementAndGet(), 1, h, part));
            if (i + 1 < parts) {
                pause(); // the SDK joins parts on a pool without locking: parts in the same instant can be lost
            }
        }
        return id;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The acknowledgement for a pushed message id, if any arrived. */
    public Ack ack(String messageId) {
        synchronized (acks) {
            return acks.stream()
                    .filter(a -> a.messageId().equals(messageId))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The connection is lost (TCP closed without a closing handshake), as when a network path or a Lark node fails. */
    public void drop() {
        WsContext s = session;
        if (s != null) {
            session = null;
            s.session.disconnect();
        }
    }

    private void onFrame(WsContext ctx, ByteBuffer data) throws IOException {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        Frame f = Frame.parse(b);
        if (f.method == 0 && "ping".equals(f.headers.get("type"))) {
            pings.incrementAndGet();
            Map<String, String> h = new LinkedHashMap<>();
            h.put("type", "pong");
            send(ctx, frame(0, 0, h, json.writeValueAsBytes(clientConfig())));
        } else if (f.method == 1) {
            acks.add(new Ack(f.headers.get("message_id"), json.readTree(f.payload), f.headers));
        }
    }

    private static void send(WsContext s, byte[] frame) {
        synchronized (s) {
            s.send(ByteBuffer.wrap(frame));
        }
    }

    private static byte[] frame(long seqId, int method, Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varintField(out, 1, seqId);
        varintField(out, 2, 0);
        varintField(out, 3, SERVICE_ID);
        varintField(out, 4, method);
        headers.forEach((k, v) -> {
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            bytesField(h, 1, k.getBytes(StandardCharsets.UTF_8));
            bytesField(h, 2, v.getBytes(StandardCharsets.UTF_8));
            bytesField(out, 5, h.toByteArray());
        });
        if (payload != null) {
            bytesField(out, 8, payload);
        }
        return out.toByteArray();
    }

    private static void varintField(ByteArrayOutputStream out, int field, long v) {
        varint(out, (long) field << 3);
        varint(out, v);
    }

    private static void bytesField(ByteArrayOutputStream out, int field, byte[] b) {
        varint(out, ((long) field << 3) | 2);
        varint(out, b.length);
        out.write(b, 0, b.length);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** The fields of a received frame that the fake looks at. */
    private record Frame(int method, Map<String, String> headers, byte[] payload) {

        static Frame parse(byte[] b) {
            Reader r = new Reader(b, 0, b.length);
            int method = -1;
            Map<String, String> headers = new LinkedHashMap<>();
            byte[] payload = new byte[0];
            while (r.more()) {
                long tag = r.varint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (wire == 0) {
                    long v = r.varint();
                    if (field == 4) {
                        method = (int) v;
                    }
                } else if (wire == 2) {
                    byte[] v = r.bytes();
                    if (field == 5) {
                        Reader h = new Reader(v, 0, v.length);
                        String key = null;
                        String value = null;
                        while (h.more()) {
                            long t = h.varint();
                            String s = new String(h.bytes(), StandardCharsets.UTF_8);
                            if ((t >>> 3) == 1) {
                                key = s;
                            } else {
                                value = s;
                            }
                        }
                        headers.put(key, value);
                    } else if (field == 8) {
                        payload = v;
                    }
                } else {
                    throw new UncheckedIOException(new IOException("unexpected wire type " + wire));
                }
            }
            return new Frame(method, headers, payload);
        }
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
        }

        byte[] bytes() {
            int n = (int) varint();
            byte[] v = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return v;
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
