package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.ChannelException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Lark open API over plain HTTP: a cached tenant access token (refreshed five minutes before it
 * expires, or at once when Lark calls it invalid), JSON in and out, and every failure mapped once
 * to a typed {@link ChannelException} by {@link LarkErrors}.
 */
final class LarkApi {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Codes Lark answers when the tenant access token is invalid or expired. */
    private static final Set<Integer> TOKEN_INVALID = Set.of(99991661, 99991663, 99991668);

    private static final Duration EARLY_REFRESH = Duration.ofMinutes(5);

    private final OkHttpClient http;
    private final String baseUrl;
    private final String appId;
    private final String appSecret;
    private final Clock clock;
    private final ObjectMapper json;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    /** @param baseUrl {@code https://open.feishu.cn} (Feishu) or {@code https://open.larksuite.com} (Lark) */
    LarkApi(OkHttpClient http, String baseUrl, String appId, String appSecret, Clock clock, ObjectMapper json) {
        this.http = http;
        String b = baseUrl == null || baseUrl.isBlank() ? "https://open.feishu.cn" : baseUrl.trim();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
        this.json = json;
    }

    ObjectMapper json() {
        return json;
    }

    /** POST with the tenant token; returns the whole answer ({@code code} 0). */
    JsonNode post(String pathAndQuery, JsonNode body) throws ChannelException {
        return call(pathAndQuery, body);
    }

    /** GET with the tenant token; returns the whole answer ({@code code} 0). */
    JsonNode get(String pathAndQuery) throws ChannelException {
        return call(pathAndQuery, null);
    }

    private JsonNode call(String pathAndQuery, JsonNode body) throws ChannelException {
        for (int attempt = 0; ; attempt++) {
            String t = token();
            Request.Builder rb =
                    new Request.Builder().url(baseUrl + pathAndQuery).header("Authorization", "Bearer " + t);
            rb = body == null ? rb.get() : rb.post(RequestBody.create(write(body), JSON));
            Answer a = execute(rb.build());
            if (a.code() == 0 && a.status() < 300) {
                return a.body();
            }
            if (TOKEN_INVALID.contains(a.code()) && attempt == 0) {
                invalidate(t);
                continue;
            }
            throw LarkErrors.map(a.status(), a.code(), a.msg(), a.resetSeconds());
        }
    }

    /** The cached tenant access token, fetched again shortly before it expires. */
    synchronized String token() throws ChannelException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(tokenExpires.minus(EARLY_REFRESH))) {
            return token;
        }
        ObjectNode req = json.createObjectNode().put("app_id", appId).put("app_secret", appSecret);
        Answer a = execute(new Request.Builder()
                .url(baseUrl + "/open-apis/auth/v3/tenant_access_token/internal")
                .post(RequestBody.create(write(req), JSON))
                .build());
        if (a.code() != 0 || !a.body().hasNonNull("tenant_access_token")) {
            throw LarkErrors.map(a.status(), a.code(), "tenant_access_token: " + a.msg(), a.resetSeconds());
        }
        token = a.body().get("tenant_access_token").asText();
        tokenExpires = now.plusSeconds(a.body().path("expire").asLong(7200));
        return token;
    }

    private synchronized void invalidate(String stale) {
        if (stale.equals(token)) {
            token = null;
        }
    }

    /** One HTTP exchange; Lark puts its error code in the JSON body whatever the HTTP status. */
    private Answer execute(Request request) throws ChannelException {
        try (Response r = http.newCall(request).execute()) {
            String text = r.body().string();
            JsonNode node;
            try {
                node = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            } catch (IOException e) {
                node = json.createObjectNode().put("code", -1).put("msg", "HTTP " + r.code() + ": " + clip(text));
            }
            String reset = r.header("x-ogw-ratelimit-reset");
            int code = node.path("code").asInt(node.path("StatusCode").asInt(r.isSuccessful() ? 0 : -1));
            String msg = node.path("msg").asText(node.path("StatusMessage").asText(""));
            return new Answer(r.code(), code, msg, node, reset == null ? -1 : parse(reset));
        } catch (IOException e) {
            throw new ChannelException("Lark unreachable: " + e.getMessage(), e);
        }
    }

    private byte[] write(JsonNode n) {
        try {
            return json.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parse(String s) {
        try {
            return (long) Math.ceil(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private record Answer(int status, int code, String msg, JsonNode body, long resetSeconds) {}
}
