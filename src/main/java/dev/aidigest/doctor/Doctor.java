package dev.aidigest.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.config.AppConfig;
import dev.aidigest.json.Jackson;
import java.awt.Font;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The checks of {@code doctor}, each one call: Telegram {@code getMe}, Lark's tenant access token,
 * Discord {@code /users/@me}, one tiny LLM chat call (and the model that answered), an X API user
 * lookup, the word-cloud font. A platform with no credentials configured is skipped, not failed.
 */
public final class Doctor {

    /** One line of the report. */
    public record Result(String name, Outcome outcome, String detail) {
        public String line() {
            return String.format("%-4s %s: %s", outcome.label, name, detail);
        }
    }

    public enum Outcome {
        OK("ok"),
        FAILED("FAIL"),
        SKIPPED("skip");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = Jackson.json();
    private final AppConfig config;
    private final List<String> accounts;
    private final Path font;

    /**
     * @param accounts the X handles of sources.yml (the X check looks the first one up)
     * @param font     the word cloud's CJK font file
     */
    public Doctor(AppConfig config, List<String> accounts, Path font) {
        this.config = config;
        this.accounts = List.copyOf(accounts);
        this.font = font;
    }

    /** Every check but the database's (the caller opens it), in order. */
    public List<Result> run() {
        List<Result> out = new ArrayList<>();
        out.add(guard("telegram", this::telegram));
        out.add(guard("lark", this::lark));
        out.add(guard("discord", this::discord));
        out.add(guard("llm", this::llm));
        out.add(guard("x-api", this::x));
        out.add(guard("word-cloud font", this::font));
        return out;
    }

    private Result guard(String name, Supplier<Result> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return new Result(name, Outcome.FAILED, oneLine(e));
        }
    }

    private Result telegram() {
        AppConfig.TelegramConfig t = config.telegram();
        if (t == null || !t.enabled()) {
            return skipped("telegram", "no token (AIDIGEST_TELEGRAM_TOKEN)");
        }
        Answer a = call(
                HttpRequest.newBuilder(uri(base(t.apiUrl(), "https://api.telegram.org"), "/bot" + t.token() + "/getMe"))
                        .GET());
        if (a.status() == 200 && a.body().path("ok").asBoolean()) {
            return ok(
                    "telegram",
                    "getMe: @" + a.body().path("result").path("username").asText());
        }
        return failed(
                "telegram",
                "getMe: HTTP " + a.status() + " " + a.body().path("description").asText(a.text()));
    }

    private Result lark() {
        AppConfig.LarkConfig l = config.lark();
        if (l == null || !l.enabled()) {
            return skipped("lark", "no app id (AIDIGEST_LARK_APP_ID)");
        }
        String body = json.createObjectNode()
                .put("app_id", l.appId())
                .put("app_secret", l.appSecret() == null ? "" : l.appSecret())
                .toString();
        Answer a = call(HttpRequest.newBuilder(uri(
                        base(l.apiUrl(), "https://open.feishu.cn"), "/open-apis/auth/v3/tenant_access_token/internal"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (a.body().path("code").asInt(-1) == 0 && a.body().hasNonNull("tenant_access_token")) {
            return ok("lark", "tenant access token issued for " + l.appId());
        }
        return failed(
                "lark",
                "tenant access token: HTTP " + a.status() + " code "
                        + a.body().path("code").asText("?") + " "
                        + a.body().path("msg").asText(a.text()));
    }

    private Result discord() {
        AppConfig.DiscordConfig d = config.discord();
        if (d == null || !d.enabled()) {
            return skipped("discord", "no token (AIDIGEST_DISCORD_TOKEN)");
        }
        String api = base(d.apiUrl(), "https://discord.com/api/v10/");
        Answer a = call(HttpRequest.newBuilder(uri(api.endsWith("/") ? api : api + "/", "users/@me"))
                .header("Authorization", "Bot " + d.token())
                .GET());
        if (a.status() == 200) {
            return ok("discord", "/users/@me: " + a.body().path("username").asText());
        }
        return failed(
                "discord",
                "/users/@me: HTTP " + a.status() + " "
                        + a.body().path("message").asText(a.text()));
    }

    private Result llm() {
        AppConfig.LlmConfig l = config.llm();
        if (l == null || !l.enabled()) {
            return skipped("llm", "no base URL (AIDIGEST_LLM_BASE_URL): the offline summarizer is used");
        }
        String base = l.baseUrl().endsWith("/") ? l.baseUrl() : l.baseUrl() + "/";
        String body = json.createObjectNode()
                .put("model", l.model())
                .put("max_tokens", 1)
                .set(
                        "messages",
                        json.createArrayNode()
                                .add(json.createObjectNode().put("role", "user").put("content", "ping")))
                .toString();
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri(base, "chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (l.apiKey() != null && !l.apiKey().isBlank()) {
            rb.header("Authorization", "Bearer " + l.apiKey());
        }
        Answer a = call(rb);
        if (a.status() == 200 && a.body().has("choices")) {
            return ok("llm", "model " + a.body().path("model").asText(l.model()) + " answered at " + l.baseUrl());
        }
        return failed(
                "llm",
                "HTTP " + a.status() + " from " + l.baseUrl() + ": "
                        + a.body().path("error").path("message").asText(a.text()));
    }

    private Result x() {
        AppConfig.XConfig x = config.x();
        if (x == null || !x.enabled()) {
            return skipped("x-api", "no bearer token (AIDIGEST_X_BEARER_TOKEN)");
        }
        String who = accounts.isEmpty() ? "XDevelopers" : accounts.get(0);
        Answer a = call(HttpRequest.newBuilder(
                        uri(base(x.apiUrl(), "https://api.x.com"), "/2/users/by?usernames=" + who + "&user.fields=id"))
                .header("Authorization", "Bearer " + x.bearerToken())
                .GET());
        if (a.status() == 200 && a.body().has("data")) {
            return ok("x-api", "bearer token accepted (looked up @" + who + ")");
        }
        return failed(
                "x-api",
                "HTTP " + a.status() + ": "
                        + a.body().path("title").asText(a.body().path("detail").asText(a.text())));
    }

    private Result font() {
        if (font == null || !Files.isReadable(font)) {
            return failed("word-cloud font", font + " not found (apt-get install fonts-wqy-microhei)");
        }
        try {
            Font f = Font.createFont(Font.TRUETYPE_FONT, font.toFile());
            if (f.canDisplayUpTo("人工智能") != -1) {
                return failed("word-cloud font", font + " cannot draw Chinese");
            }
            return ok("word-cloud font", font + " (" + f.getFontName() + ")");
        } catch (java.awt.FontFormatException | IOException e) {
            return failed("word-cloud font", font + ": " + oneLine(e));
        }
    }

    private record Answer(int status, JsonNode body, String text) {}

    private Answer call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
            } catch (IOException notJson) {
                body = json.createObjectNode();
            }
            return new Answer(r.statusCode(), body, clip(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "unreachable: " + request.build().uri().getHost() + ":"
                            + request.build().uri().getPort() + " (" + oneLine(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static String base(String configured, String fallback) {
        return configured == null || configured.isBlank() ? fallback : configured.trim();
    }

    private static URI uri(String base, String path) {
        String b = base.endsWith("/") && path.startsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(b + path);
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static Result ok(String name, String detail) {
        return new Result(name, Outcome.OK, detail);
    }

    private static Result failed(String name, String detail) {
        return new Result(name, Outcome.FAILED, detail);
    }

    private static Result skipped(String name, String detail) {
        return new Result(name, Outcome.SKIPPED, detail);
    }
}
