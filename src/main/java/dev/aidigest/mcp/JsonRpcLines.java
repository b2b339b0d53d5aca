package dev.aidigest.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Stands between stdin and the SDK's stdio transport, which stops reading for good at the first line it
 * cannot parse. Each line is checked here first: one that is not JSON is answered with a JSON-RPC
 * parse error (-32700), one that is JSON but not a JSON-RPC message (a batch, no method, another
 * version) with an invalid-request error (-32600), a line over the size limit with -32600 too; none of
 * them reaches the SDK, and the next line is read as usual. At the end of input it waits, a bounded
 * time, until the SDK has answered the requests it was given, so a client that writes its requests and
 * closes stdin still gets every answer.
 */
final class JsonRpcLines extends InputStream {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JsonRpcLines.class);

    static final int MAX_LINE_BYTES = 1 << 20;
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final InputStream in;
    private final ProtocolOut out;
    private final McpJsonMapper json;
    private final Runnable atEnd;
    private byte[] line = new byte[0];
    private int pos;
    private long requests;
    private boolean ended;

    /** @param atEnd run once when input has ended and the answers are out */
    JsonRpcLines(InputStream in, ProtocolOut out, McpJsonMapper json, Runnable atEnd) {
        this.in = in;
        this.out = out;
        this.json = json;
        this.atEnd = atEnd;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos >= line.length) {
            if (!nextLine()) {
                return -1;
            }
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Reads the next line and keeps it if the SDK may see it; false at the end of input. */
    private boolean nextLine() throws IOException {
        if (ended) {
            return false;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        boolean tooLong = false;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (buf.size() < MAX_LINE_BYTES) {
                buf.write(c);
            } else {
                tooLong = true;
            }
        }
        if (c == -1 && buf.size() == 0) {
            end();
            return false;
        }
        line = new byte[0];
        pos = 0;
        if (tooLong) {
            answer(
                    null,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid Request: a message over " + MAX_LINE_BYTES + " bytes");
            return true;
        }
        String text = buf.toString(StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return true;
        }
        Object id = null;
        Map<?, ?> message;
        try {
            Object parsed = json.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?> m)) {
                answer(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: expected one JSON-RPC object");
                return true;
            }
            message = m;
        } catch (IOException | RuntimeException e) {
            answer(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: not JSON");
            return true;
        }
        Object rawId = message.get("id");
        if (rawId instanceof String || rawId instanceof Number) {
            id = rawId;
        }
        if (!"2.0".equals(message.get("jsonrpc"))) {
            answer(id, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
            return true;
        }
        boolean request = message.get("method") instanceof String && message.containsKey("id");
        try {
            McpSchema.deserializeJsonRpcMessage(json, text);
        } catch (IOException | RuntimeException e) {
            answer(
                    id,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid Request: not a JSON-RPC request, notification or response");
            return true;
        }
        if (request) {
            requests++;
        }
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        return true;
    }

    private void answer(Object id, int code, String message) throws IOException {
        String idJson = id == null ? "null" : json.writeValueAsString(id);
        out.writeOwnLine("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"error\":{\"code\":" + code + ",\"message\":"
                + json.writeValueAsString(message) + "}}");
        log.info("mcp: refused a message ({})", message);
    }

    /** Waits until the SDK has written at least one line per request, then reports the end. */
    private void end() {
        ended = true;
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try {
            while (out.sdkLines() < requests && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        atEnd.run();
    }
}
