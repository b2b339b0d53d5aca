package dev.aidigest.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.json.Jackson;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * In front of the SDK's servlet on {@code POST /mcp}: a body that is not one JSON-RPC 2.0 request or
 * notification (not UTF-8, not JSON, a batch, no method, an id that is neither a string nor a whole
 * number, params that are not an object or that the SDK cannot read as the method's request) is
 * answered here: 400 with a JSON-RPC error object ({@code -32700} parse error, {@code -32600} invalid
 * request, {@code -32602} invalid params; the request's {@code id} when it could be read, else null),
 * and one WARN line without a stack trace. The SDK logs a body it cannot parse at ERROR, and params it
 * cannot read make it answer 500 with its exception, stack trace included, as the body. What passes is
 * handed to the SDK from memory (the body is read once). Other methods (GET: 405) go to the SDK as they are.
 */
final class McpRequestCheck extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(McpRequestCheck.class);
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    private final HttpServlet sdk;
    private final int maxBytes;
    /** The params type the SDK reads for each request method it serves here. */
    private static final Map<String, Class<?>> PARAMS = Map.of(
            "initialize", McpSchema.InitializeRequest.class,
            "tools/call", McpSchema.CallToolRequest.class,
            "tools/list", McpSchema.PaginatedRequest.class);

    private static final Map<String, String> REQUIRED = Map.of("initialize", "protocolVersion", "tools/call", "name");

    private final transient ObjectMapper json = Jackson.json();
    private final transient McpJsonMapper sdkJson = McpJsonDefaults.getMapper();

    McpRequestCheck(HttpServlet sdk, int maxBytes) {
        this.sdk = sdk;
        this.maxBytes = maxBytes;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        sdk.init(config);
    }

    @Override
    public void destroy() {
        sdk.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        if (!"POST".equals(req.getMethod())) {
            sdk.service(req, res);
            return;
        }
        byte[] body = req.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(
                    req,
                    res,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    new Problem(INVALID_REQUEST, "request too large"));
            return;
        }
        Problem p = problem(body);
        if (p != null) {
            refuse(req, res, HttpServletResponse.SC_BAD_REQUEST, p);
            return;
        }
        sdk.service(new Buffered(req, body), res);
    }

    /** @param id the request's id when it could be read (the error answers it), else null */
    record Problem(int code, String message, JsonNode id) {
        Problem(int code, String message) {
            this(code, message, null);
        }
    }

    /** What is wrong with a body as one JSON-RPC 2.0 request or notification; null when nothing is. */
    Problem problem(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Problem(PARSE_ERROR, "Parse error: the body is not UTF-8");
        }
        JsonNode m;
        try {
            m = json.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(text);
        } catch (JsonProcessingException e) {
            return new Problem(PARSE_ERROR, "Parse error: the body is not JSON");
        }
        if (m == null || m.isMissingNode()) {
            return new Problem(PARSE_ERROR, "Parse error: the body is empty");
        }
        if (m.isArray()) {
            return new Problem(INVALID_REQUEST, "Invalid Request: batches are not accepted; send one message");
        }
        if (!m.isObject() || !"2.0".equals(m.path("jsonrpc").textValue())) {
            return new Problem(INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message");
        }
        JsonNode id = m.get("id");
        if (id != null && !id.isTextual() && !id.isIntegralNumber()) {
            return new Problem(INVALID_REQUEST, "Invalid Request: the id must be a string or a whole number");
        }
        Problem p = requestProblem(m, id, text);
        return p == null || id == null ? p : new Problem(p.code(), p.message(), id);
    }

    /** What is wrong with a JSON-RPC 2.0 object whose id (if any) is good. */
    private Problem requestProblem(JsonNode m, JsonNode id, String text) {
        if (!m.path("method").isTextual()) {
            // a response to the server: it never asks anything, so there is nothing to answer; the SDK says so
            return m.has("result") || m.has("error")
                    ? null
                    : new Problem(INVALID_REQUEST, "Invalid Request: no method");
        }
        JsonNode params = m.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            return new Problem(INVALID_PARAMS, "Invalid params: params must be an object");
        }
        return id == null ? null : paramsProblem(m.get("method").textValue(), params, text);
    }

    /**
     * Whether the SDK can read the params of a request it serves as the type it reads them as: when it
     * cannot, it fails outside its error handling (500, an ERROR line, its stack trace in the body).
     */
    private Problem paramsProblem(String method, JsonNode params, String body) {
        Class<?> type = PARAMS.get(method);
        if (type == null) {
            return null; // ping takes none; an unknown method is the SDK's "method not found"
        }
        // the fields the SDK would default (with a WARN of its own) or trip over when missing
        String needed = REQUIRED.get(method);
        if (needed != null && (params == null || !params.path(needed).isTextual())) {
            return new Problem(INVALID_PARAMS, "Invalid params for " + method + ": " + needed + " is missing");
        }
        if (params != null
                && params.has("arguments")
                && !params.get("arguments").isObject()) {
            return new Problem(INVALID_PARAMS, "Invalid params for " + method + ": arguments must be an object");
        }
        Object read;
        try {
            McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(sdkJson, body);
            Object raw = message instanceof McpSchema.JSONRPCRequest r ? r.params() : null;
            read = raw == null ? null : sdkJson.convertValue(raw, type);
        } catch (IOException | RuntimeException e) {
            return new Problem(INVALID_PARAMS, "Invalid params for " + method + ": not what it takes");
        }
        return read == null && needed != null
                ? new Problem(INVALID_PARAMS, "Invalid params for " + method + ": params are missing")
                : null;
    }

    private void refuse(HttpServletRequest req, HttpServletResponse res, int status, Problem p) throws IOException {
        log.warn("mcp: refused a malformed request from {} ({} {})", req.getRemoteAddr(), status, p.message());
        ObjectNode out = json.createObjectNode().put("jsonrpc", "2.0");
        out.set("id", p.id() == null ? out.nullNode() : p.id());
        out.putObject("error").put("code", p.code()).put("message", p.message());
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.getOutputStream().write(json.writeValueAsBytes(out));
    }

    /** The request with its body read into memory: the SDK reads it again from here. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
    }
}
