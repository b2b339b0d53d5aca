package dev.aidigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An OpenAI-compatible chat server on 127.0.0.1 ({@code POST /v1/chat/completions}) answering with
 * the real response shape (fixtures/openai/). Scriptable per request: rules match a request and
 * hand out their replies in order; an unmatched request gets {@link Reply#ok()}, an answer made from
 * the posts in the request. Every request is recorded.
 *
 * <p>Token counts: {@code usage.prompt_tokens} is {@link #estimateTokens} over the messages, the
 * ratios DeepSeek publishes for its tokenizer (api-docs.deepseek.com/quick_start/token_usage:
 * 1 Chinese character ≈ 0.6 token, 1 English character ≈ 0.3 token) plus 4 tokens per message for
 * the chat framing, as OpenAI counts it.
 */
public final class FakeOpenAi implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ObjectMapper json = Jackson.json();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<FakeChatRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final JsonNode completionTemplate;
    private volatile boolean reportUsage = true;

    private FakeOpenAi() throws IOException {
        completionTemplate = json.readTree(fixture("chat_completion.json"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public static FakeOpenAi start() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL an OpenAI client is configured with, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Requests matching {@code when} get these replies, one each, in order; then the next rule or the default. */
    public FakeOpenAi on(Predicate<FakeChatRequest> when, Reply... replies) {
        rules.add(new Rule(when, new ArrayDeque<>(List.of(replies))));
        return this;
    }

    /** The next requests, whatever they are, get these replies. */
    public FakeOpenAi next(Reply... replies) {
        return on(r -> true, replies);
    }

    /** Answer without a {@code usage} object, as some local servers do. */
    public FakeOpenAi withoutUsage() {
        reportUsage = false;
        return this;
    }

    public List<FakeChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests that carried story posts (not the categories call). */
    public List<FakeChatRequest> storyRequests() {
        return requests.stream().filter(FakeChatRequest::isStory).toList();
    }

    /** What a request costs by the documented estimate: tokens of each message's text + 4 per message. */
    public static int estimateTokens(List<String> messages) {
        int total = 0;
        for (String m : messages) {
            total += 4 + estimateTokens(m);
        }
        return total;
    }

    /** CJK characters ≈ 0.6 token each, every other character ≈ 0.3 token (DeepSeek's published ratios). */
    public static int estimateTokens(String text) {
        double t = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            t += isCjk(cp) ? 0.6 : 0.3;
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(t);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN
                || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F)
                || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            FakeChatRequest request = new FakeChatRequest(
                    Instant.now(),
                    body,
                    json.readTree(body),
                    ex.getRequestHeaders().getFirst("Authorization"));
            requests.add(request);
            Reply reply = replyFor(request);
            if (!reply.delay().isZero()) {
                sleep(reply.delay());
            }
            if (reply.status() == 200) {
                String content = reply.content() != null ? reply.content() : DerivedAnswer.of(request);
                send(ex, 200, completion(request, content));
            } else if (reply.status() == 429) {
                ex.getResponseHeaders().add("Retry-After", Integer.toString(reply.retryAfterSeconds()));
                send(ex, 429, fixture("rate_limit_429.json"));
            } else {
                send(ex, reply.status(), fixture("server_error_500.json"));
            }
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        } finally {
            ex.close();
        }
    }

    private Reply replyFor(FakeChatRequest request) {
        for (Rule rule : rules) {
            synchronized (rule.replies()) {
                if (!rule.replies().isEmpty() && rule.when().test(request)) {
                    return rule.replies().poll();
                }
            }
        }
        return Reply.ok();
    }

    private String completion(FakeChatRequest request, String content) throws IOException {
        ObjectNode out = completionTemplate.deepCopy();
        out.put("id", "chatcmpl-fake-" + ids.incrementAndGet());
        out.put("created", Instant.now().getEpochSecond());
        out.put("model", request.model());
        ((ObjectNode) out.get("choices").get(0).get("message")).put("content", content);
        if (reportUsage) {
            int prompt = estimateTokens(request.messageTexts());
            int completion = estimateTokens(content);
            ObjectNode usage = (ObjectNode) out.get("usage");
            usage.put("prompt_tokens", prompt)
                    .put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
        } else {
            out.remove("usage");
        }
        return json.writeValueAsString(out);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = FakeOpenAi.class.getResourceAsStream("/fixtures/openai/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Rule(Predicate<FakeChatRequest> when, Deque<Reply> replies) {}

    /**
     * One scripted answer.
     *
     * @param content the message content, or null for an answer derived from the request's posts
     */
    public record Reply(int status, String content, Duration delay, int retryAfterSeconds) {

        /** A valid Chinese JSON answer built from names, numbers and authors found in the posts. */
        public static Reply ok() {
            return new Reply(200, null, Duration.ZERO, 0);
        }

        /** HTTP 200 with this exact message content (malformed JSON, prose, an injected "HACKED"...). */
        public static Reply content(String content) {
            return new Reply(200, content, Duration.ZERO, 0);
        }

        /** An error status with OpenAI's real 500 body. */
        public static Reply status(int status) {
            return new Reply(status, null, Duration.ZERO, 0);
        }

        /** HTTP 429 with OpenAI's real rate-limit body and {@code Retry-After: seconds}. */
        public static Reply rateLimited(int retryAfterSeconds) {
            return new Reply(429, null, Duration.ZERO, retryAfterSeconds);
        }

        /** The derived answer, after {@code delay} (longer than the client's timeout = a timeout). */
        public static Reply slow(Duration delay) {
            return new Reply(200, null, delay, 0);
        }
    }
}
