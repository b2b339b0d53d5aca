package dev.aidigest.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.channel.discord.DiscordBot;
import dev.aidigest.channel.lark.LarkBot;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.DiscordSigner;
import dev.aidigest.testing.FakeDiscordApi;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.LarkCallbacks;
import dev.aidigest.web.WebServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * POST /webhooks/discord and /webhooks/lark through the real web server, so signatures are checked
 * over the body exactly as it arrives (Chinese text included), not as a test hands it over.
 */
class WebhooksOverHttpTest {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    final ChatBackend backend = new ChatBackend();
    final FakeDiscordApi discordApi = new FakeDiscordApi();
    final FakeLarkOpenApi larkApi = new FakeLarkOpenApi();
    final DiscordSigner signer = new DiscordSigner();
    final DiscordBot discord = new DiscordBot(
            new DiscordBot.Settings(null, signer.publicKeyHex(), discordApi.apiUrl(), null),
            backend.router,
            backend.chats);
    final LarkBot lark = new LarkBot(
            new LarkBot.Settings(FakeLarkOpenApi.APP_ID, FakeLarkOpenApi.APP_SECRET, larkApi.url(), "v", "1212121212"),
            backend.router,
            backend.chats,
            new Throttle(1000, 0, 1000),
            backend.clock);
    final WebServer web = new WebServer(
            List.of(discord.webhook().orElseThrow(), lark.webhook().orElseThrow()));
    final int port = web.start(0);
    final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void stop() {
        web.close();
        discord.close();
        lark.close();
        discordApi.close();
        larkApi.close();
        backend.close();
    }

    Response post(String path, Map<String, String> headers, String body) throws Exception {
        Request.Builder b =
                new Request.Builder().url("http://127.0.0.1:" + port + path).post(RequestBody.create(body, JSON));
        headers.forEach((k, v) -> b.header(k, v));
        return http.newCall(b.build()).execute();
    }

    @Test
    void aDiscordCommandWithChineseTextIsVerifiedAndAnswered() throws Exception {
        discord.start(); // no token: HTTP interactions only
        String body =
                "{\"id\":\"787053080478613556\",\"application_id\":\"1\",\"token\":\"t\",\"type\":2,\"version\":1,"
                        + "\"channel_id\":\"9\",\"user\":{\"id\":\"42\"},\"locale\":\"zh-CN\",\"data\":{\"id\":\"1\",\"name\":\"topic\","
                        + "\"options\":[{\"type\":3,\"name\":\"text\",\"value\":\"大模型\"}]}}";
        try (Response r = post("/webhooks/discord", signer.headers(body), body)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("\"type\":4").contains("大模型");
        }
        try (Response r = post("/webhooks/discord", new DiscordSigner().headers(body), body)) {
            assertThat(r.code()).isEqualTo(401);
        }
    }

    @Test
    void anEncryptedSignedLarkEventIsAcceptedAndAForgedOneRefused() throws Exception {
        LarkCallbacks callbacks = new LarkCallbacks("1212121212", "v", backend.clock);
        LarkCallbacks.Signed s = callbacks.signed(callbacks.message("evt-http", "oc_dm", "p2p", "ou_reader", "/help"));
        try (Response r = post("/webhooks/lark", s.headers(), s.body())) {
            assertThat(r.code()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !larkApi.sentTo("oc_dm").isEmpty());
        try (Response r = post("/webhooks/lark", Map.of(), s.body())) {
            assertThat(r.code()).isEqualTo(401);
        }
    }
}
