package dev.aidigest.testing;

import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.Webhook;
import dev.aidigest.channel.discord.DiscordBot;
import dev.aidigest.channel.lark.LarkBot;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.web.WebServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real web server with the three webhooks as {@code serve} configures them (Telegram secret,
 * Discord public key, Lark verification token and encrypt key), over the real command router and H2,
 * with the platforms' APIs faked on loopback; and a client that sends a body the way each platform
 * signs it, or forges, drops, back-dates or repeats that signature.
 */
public final class HostileWebhooks implements AutoCloseable {

    /** How a request is authenticated. */
    public enum Auth {
        OK,
        NONE,
        WRONG,
        STALE,
        REPLAY,
        /** the file as it is, with no signature: for Lark, not even encrypted */
        RAW
    }

    /** One HTTP answer. */
    public record Answer(int status, String body) {}

    static final String TELEGRAM_SECRET = "corpus-secret_1";
    static final String LARK_KEY = "corpus-encrypt-key";
    static final String LARK_TOKEN = "v";
    static final Duration STALE = Duration.ofDays(30);

    public final ChatBackend backend = new ChatBackend();
    private final FakeTelegramBotApi telegramApi = new FakeTelegramBotApi();
    private final FakeDiscordApi discordApi = new FakeDiscordApi();
    private final FakeLarkOpenApi larkApi = new FakeLarkOpenApi();
    private final DiscordSigner discordSigner = new DiscordSigner();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebServer web;
    private final int port;

    public HostileWebhooks() {
        Webhook telegram = new TelegramBot(
                        new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, telegramApi.url(), TELEGRAM_SECRET),
                        backend.router,
                        backend.chats,
                        new Throttle(100_000, 0, 100_000))
                .webhook()
                .orElseThrow();
        Webhook discord = new DiscordBot(
                        new DiscordBot.Settings(
                                FakeDiscordApi.TOKEN, discordSigner.publicKeyHex(), discordApi.apiUrl(), null),
                        backend.router,
                        backend.chats)
                .webhook()
                .orElseThrow();
        Webhook lark = new LarkBot(
                        new LarkBot.Settings(
                                FakeLarkOpenApi.APP_ID,
                                FakeLarkOpenApi.APP_SECRET,
                                larkApi.url(),
                                LARK_TOKEN,
                                LARK_KEY),
                        backend.router,
                        backend.chats,
                        new Throttle(100_000, 0, 100_000),
                        Clock.systemUTC())
                .webhook()
                .orElseThrow();
        web = new WebServer(List.of(telegram, discord, lark));
        port = web.start(0);
    }

    /** POSTs {@code body} to {@code /webhooks/<platform>}; a replay sends the same request twice. */
    public List<Answer> post(String platform, Auth auth, String body) throws IOException, InterruptedException {
        Instant at = auth == Auth.STALE ? Instant.now().minus(STALE) : Instant.now();
        String plain = body.replace("{{now_ms}}", String.valueOf(at.toEpochMilli()));
        Request r =
                switch (platform) {
                    case "telegram" -> telegram(auth, plain);
                    case "discord" -> discord(auth, at, plain);
                    case "lark" -> lark(auth, at, plain);
                    default -> throw new IllegalArgumentException("no webhook " + platform);
                };
        Answer first = send(platform, r);
        return auth == Auth.REPLAY ? List.of(first, send(platform, r)) : List.of(first);
    }

    private record Request(Map<String, String> headers, String body) {}

    private static Request telegram(Auth auth, String body) {
        Map<String, String> h = new HashMap<>();
        if (auth == Auth.WRONG) {
            h.put("X-Telegram-Bot-Api-Secret-Token", "guessed");
        } else if (auth != Auth.NONE && auth != Auth.RAW) {
            h.put("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET);
        }
        return new Request(h, body);
    }

    private Request discord(Auth auth, Instant at, String body) {
        String ts = String.valueOf(at.getEpochSecond());
        return switch (auth) {
            case NONE, RAW -> new Request(Map.of(), body);
            case WRONG -> new Request(new DiscordSigner().headers(body), body);
            default ->
                new Request(
                        Map.of("X-Signature-Ed25519", discordSigner.sign(ts, body), "X-Signature-Timestamp", ts), body);
        };
    }

    private static Request lark(Auth auth, Instant at, String plain) {
        if (auth == Auth.RAW) {
            return new Request(Map.of(), plain);
        }
        LarkCallbacks lark = new LarkCallbacks(LARK_KEY, LARK_TOKEN, Clock.fixed(at, ZoneOffset.UTC));
        LarkCallbacks.Signed signed = lark.signed(plain);
        Map<String, String> h = new HashMap<>(signed.headers());
        if (auth == Auth.NONE) {
            h.keySet().removeIf(k -> k.startsWith("x-lark-"));
        } else if (auth == Auth.WRONG) {
            h.put(
                    "x-lark-signature",
                    new LarkCallbacks("another-key", LARK_TOKEN)
                            .signature(
                                    h.get("x-lark-request-timestamp"), h.get("x-lark-request-nonce"), signed.body()));
        }
        return new Request(h, signed.body());
    }

    private Answer send(String platform, Request r) throws IOException, InterruptedException {
        if (r.body().length() > Webhook.MAX_BODY_BYTES) {
            return sendOverRawSocket(platform, r);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/" + platform))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(r.body()));
        r.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-type")) {
                b.header(k, v);
            }
        });
        HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(res.statusCode(), res.body());
    }

    /**
     * A body over the limit is answered before it is read and the connection closed, which makes
     * {@link HttpClient} fail while it is still sending: write what the server takes, read the status.
     */
    private Answer sendOverRawSocket(String platform, Request r) throws IOException {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST /webhooks/" + platform + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
        r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server answered and closed before taking the whole body
            }
            String[] status = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                    .split("\r\n", 2)[0].split(" ");
            return new Answer(Integer.parseInt(status[1]), "");
        }
    }

    /** Subscriptions stored so far, on every platform. */
    public int subscriptions() {
        return Integer.parseInt(
                TestDb.column(backend.db, "SELECT COUNT(*) FROM subscription").get(0));
    }

    @Override
    public void close() {
        web.close();
        telegramApi.close();
        discordApi.close();
        larkApi.close();
        backend.close();
    }
}
