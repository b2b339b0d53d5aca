package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Throttle;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Push-only Lark/Feishu: custom group bots ({@code …/open-apis/bot/v2/hook/<token>}), for groups
 * without the app bot. Each message carries {@code timestamp} and {@code sign} (HMAC-SHA256 keyed
 * with timestamp + "\n" + secret). Platform {@code lark-webhook}; the chat id is the hook token (the
 * URL and secret stay in configuration). Lark answers HTTP 200 with a code: 11232 is a rate limit,
 * 19001 a deleted hook, 19021 a wrong secret or clock.
 */
public final class LarkCustomBotChannel implements Channel {

    static final String PLATFORM = "lark-webhook";

    /** A hook URL and its signing secret (blank when the bot has no signature check). */
    public record Hook(String url, String secret) {
        String token() {
            String u = url.trim();
            return u.substring(u.lastIndexOf('/') + 1);
        }
    }

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final LarkCards cards;
    private final Clock clock;
    private final Throttle throttle;
    private final Map<String, Hook> hooks = new LinkedHashMap<>();

    public LarkCustomBotChannel(List<Hook> hooks, Clock clock) {
        this(
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build(),
                Jackson.json(),
                hooks,
                clock,
                new Throttle(1.5, 1000, 100));
    }

    LarkCustomBotChannel(OkHttpClient http, ObjectMapper json, List<Hook> hooks, Clock clock, Throttle throttle) {
        this.http = http;
        this.json = json;
        this.cards = new LarkCards(json);
        this.clock = clock;
        this.throttle = throttle;
        hooks.forEach(h -> this.hooks.put(h.token(), h));
    }

    /** The chats to subscribe, one per configured hook. */
    public List<ChatRef> chats() {
        return hooks.keySet().stream()
                .map(t -> new ChatRef(PLATFORM, t, ChatRef.Kind.GROUP))
                .toList();
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public List<Reply> split(Reply reply) {
        return cards.split(reply, LarkCards.LIMIT);
    }

    @Override
    public String send(ChatRef chat, Reply part) throws ChannelException {
        Hook hook = hooks.get(chat.chatId());
        if (hook == null) {
            throw new ChannelException.Forbidden("no custom bot hook configured for " + chat.chatId());
        }
        Reply noButtons = part.part(part.blocks(), false); // nothing would answer a button press
        ObjectNode body = json.createObjectNode().put("msg_type", "interactive");
        body.set("card", cards.card(noButtons, "group"));
        try {
            return post(hook, body);
        } catch (ChannelException.BadFormat e) {
            ObjectNode text = json.createObjectNode().put("msg_type", "text");
            text.putObject("content").put("text", part.plainText());
            return post(hook, text);
        }
    }

    private String post(Hook hook, ObjectNode body) throws ChannelException {
        if (hook.secret() != null && !hook.secret().isBlank()) {
            long ts = clock.instant().getEpochSecond();
            body.put("timestamp", String.valueOf(ts)).put("sign", LarkCrypto.customBotSign(ts, hook.secret()));
        }
        try {
            throttle.acquire(hook.token(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted before sending", e);
        }
        Request request = new Request.Builder()
                .url(hook.url())
                .post(RequestBody.create(body.toString(), LarkApi.JSON))
                .build();
        try (Response r = http.newCall(request).execute()) {
            String text = r.body().string();
            JsonNode a = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            int code = a.path("code").asInt(a.path("StatusCode").asInt(r.isSuccessful() ? 0 : -1));
            if (code == 0 && r.isSuccessful()) {
                return "";
            }
            throw map(
                    r.code(), code, a.path("msg").asText(a.path("StatusMessage").asText("")));
        } catch (IOException e) {
            throw new ChannelException("Lark custom bot unreachable: " + e.getMessage(), e);
        }
    }

    static ChannelException map(int status, int code, String msg) {
        String text = "Lark custom bot error " + code + " (HTTP " + status + "): " + msg;
        return switch (code) {
            case 11232 -> new ChannelException.RateLimited(Duration.ofSeconds(5), text);
            case 19001 -> new ChannelException.Forbidden(text);
            case 19024, 9499 -> new ChannelException.BadFormat(text);
            default ->
                status == 429
                        ? new ChannelException.RateLimited(Duration.ofSeconds(5), text)
                        : new ChannelException(text);
        };
    }
}
