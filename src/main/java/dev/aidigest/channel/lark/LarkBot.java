package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.Webhook;
import dev.aidigest.config.AppConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lark/Feishu side of {@code serve}: checks the app credentials (bot info), sends through
 * {@link #channel()} and receives events through {@link #webhook()} when a verification token or
 * an encrypt key is configured. Events are handled on a small pool so Lark gets its answer within
 * its 3 s and does not retry.
 */
public final class LarkBot implements ChatBot {

    private static final Logger log = LoggerFactory.getLogger(LarkBot.class);

    /**
     * @param apiUrl {@code https://open.feishu.cn} (Feishu) or {@code https://open.larksuite.com} (Lark)
     */
    public record Settings(String appId, String appSecret, String apiUrl, String verificationToken, String encryptKey) {
        public static Settings of(AppConfig.LarkConfig c) {
            return new Settings(c.appId(), c.appSecret(), c.apiUrl(), c.verificationToken(), c.encryptKey());
        }

        boolean receivesEvents() {
            return verificationToken != null && !verificationToken.isBlank()
                    || encryptKey != null && !encryptKey.isBlank();
        }
    }

    private final Settings settings;
    private final OkHttpClient http;
    private final LarkApi api;
    private final LarkChannel channel;
    private final LarkEvents events;
    private final ChatEvents chatEvents;
    private final ExecutorService pool;

    public LarkBot(
            Settings settings, Conversation conversation, ChatEvents chatEvents, Throttle throttle, Clock clock) {
        this.settings = settings;
        this.http =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.api = new LarkApi(http, settings.apiUrl(), settings.appId(), settings.appSecret(), clock, json);
        this.channel = new LarkChannel(api, throttle);
        this.events = new LarkEvents(api, channel, conversation, chatEvents);
        this.chatEvents = chatEvents;
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "lark-events");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Channel channel() {
        return channel;
    }

    /** The event callback, when a verification token or encrypt key is configured. */
    @Override
    public Optional<Webhook> webhook() {
        if (!settings.receivesEvents()) {
            return Optional.empty();
        }
        return Optional.of(new LarkWebhook(
                settings.verificationToken(), settings.encryptKey(), api.json(), chatEvents, pool, events::handle));
    }

    /** Checks the credentials (token and bot info) so a wrong app secret fails at start, not at the first digest. */
    @Override
    public void start() throws ChannelException {
        JsonNode bot = api.get("/open-apis/bot/v3/info").path("bot");
        if (bot.hasNonNull("open_id")) {
            events.botOpenId(bot.get("open_id").asText());
        }
        log.info(
                "Lark bot {} ({}) started; events {}",
                bot.path("app_name").asText("?"),
                bot.path("open_id").asText("?"),
                settings.receivesEvents() ? "on POST /webhooks/lark" : "off (no verification token or encrypt key)");
    }

    /** Lark's answers to a wrong app id or app secret (10003, 10014) when the tenant token is asked for. */
    @Override
    public boolean refusesCredentials(Exception e) {
        return LarkErrors.refusesCredentials(e);
    }

    /** Lets events in flight finish (up to 10 s) and releases the HTTP client. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
