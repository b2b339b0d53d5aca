package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.ReplayWindow;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.Webhook;
import dev.aidigest.config.AppConfig;
import dev.aidigest.json.Jackson;
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
 * {@link #channel()} and receives events either over the SDK's long connection (the default: the
 * bot dials out, no public URL) or through the HTTP callback {@link #webhook()} (when
 * {@code lark.receive} is {@code callback} and a verification token or an encrypt key is set).
 * Both hand events to one {@link LarkIntake}: the same dedupe, commands, admin checks and replies.
 * Events are handled on a small pool so Lark gets its answer within its 3 s and does not retry.
 */
public final class LarkBot implements ChatBot {

    private static final Logger log = LoggerFactory.getLogger(LarkBot.class);

    /**
     * @param apiUrl {@code https://open.feishu.cn} (Feishu) or {@code https://open.larksuite.com} (Lark);
     *     the long connection asks the same host for its WebSocket address
     */
    public record Settings(
            String appId,
            String appSecret,
            String apiUrl,
            String verificationToken,
            String encryptKey,
            AppConfig.LarkConfig.Receive receive) {

        /** HTTP callback settings: events come to {@code POST /webhooks/lark}. */
        public Settings(String appId, String appSecret, String apiUrl, String verificationToken, String encryptKey) {
            this(appId, appSecret, apiUrl, verificationToken, encryptKey, AppConfig.LarkConfig.Receive.CALLBACK);
        }

        /** Long connection settings: no token or key, events come over the bot's own connection. */
        public static Settings longConnection(String appId, String appSecret, String apiUrl) {
            return new Settings(appId, appSecret, apiUrl, "", "", AppConfig.LarkConfig.Receive.LONG_CONNECTION);
        }

        public static Settings of(AppConfig.LarkConfig c) {
            return new Settings(
                    c.appId(), c.appSecret(), c.apiUrl(), c.verificationToken(), c.encryptKey(), c.receive());
        }

        boolean longConnection() {
            return receive == AppConfig.LarkConfig.Receive.LONG_CONNECTION;
        }

        boolean receivesCallbacks() {
            return !longConnection()
                    && (verificationToken != null && !verificationToken.isBlank()
                            || encryptKey != null && !encryptKey.isBlank());
        }

        String receiving() {
            if (longConnection()) {
                return "over the long connection";
            }
            return receivesCallbacks()
                    ? "on POST /webhooks/lark"
                    : "off (callback chosen but no verification token or encrypt key)";
        }
    }

    private final Settings settings;
    private final OkHttpClient http;
    private final LarkApi api;
    private final LarkChannel channel;
    private final LarkEvents events;
    private final Clock clock;
    private final ExecutorService pool;
    private final LarkIntake intake;
    private volatile LarkLongConnection longConnection;

    public LarkBot(
            Settings settings, Conversation conversation, ChatEvents chatEvents, Throttle throttle, Clock clock) {
        this.settings = settings;
        this.http =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
        ObjectMapper json = Jackson.lenientJson();
        this.api = new LarkApi(http, settings.apiUrl(), settings.appId(), settings.appSecret(), clock, json);
        this.channel = new LarkChannel(api, throttle);
        this.events = new LarkEvents(api, channel, conversation, chatEvents);
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "lark-events");
            t.setDaemon(true);
            return t;
        });
        this.intake = new LarkIntake(chatEvents, pool, events::handle);
        this.longConnection = settings.longConnection() ? newLongConnection() : null;
    }

    private LarkLongConnection newLongConnection() {
        return new LarkLongConnection(settings.appId(), settings.appSecret(), settings.apiUrl(), api.json(), intake);
    }

    /** The long connection, one per app: in a cluster only the node holding its lease opens it. */
    @Override
    public Optional<String> receiver() {
        return settings.longConnection() ? Optional.of("lark:" + settings.appId()) : Optional.empty();
    }

    private boolean connecting;

    @Override
    public synchronized void startReceiving() {
        if (longConnection != null && !connecting) {
            longConnection.start();
            connecting = true;
        }
    }

    @Override
    public synchronized void stopReceiving() {
        if (longConnection != null && connecting) {
            longConnection.close();
            longConnection =
                    newLongConnection(); // a closed connection is not opened again: the next holder gets a new one
            connecting = false;
        }
    }

    @Override
    public Channel channel() {
        return channel;
    }

    /** The event callback, when it is the chosen way in and a verification token or encrypt key is configured. */
    @Override
    public Optional<Webhook> webhook() {
        if (!settings.receivesCallbacks()) {
            return Optional.empty();
        }
        return Optional.of(new LarkWebhook(
                settings.verificationToken(), settings.encryptKey(), new ReplayWindow(clock), api.json(), intake));
    }

    /** True while events can arrive: the long connection is open, or the callback is configured. */
    public boolean receiving() {
        return longConnection == null ? settings.receivesCallbacks() : longConnection.connected();
    }

    /**
     * Checks the credentials (token and bot info) so a wrong app secret fails at start, not at the
     * first digest. The long connection, when that is the way in, opens with {@link #startReceiving()}.
     */
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
                settings.receiving());
        if (longConnection != null) {
            if (!blank(settings.verificationToken()) || !blank(settings.encryptKey())) {
                log.warn("Lark: a verification token or encrypt key is set but lark.receive is long_connection, so"
                        + " POST /webhooks/lark is off; set AIDIGEST_LARK_RECEIVE=callback to receive by callback");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Lark's answers to a wrong app id or app secret (10003, 10014) when the tenant token is asked for. */
    @Override
    public boolean refusesCredentials(Exception e) {
        return LarkErrors.refusesCredentials(e);
    }

    /** Lets events in flight finish (up to 10 s) and releases the HTTP client. */
    @Override
    public void close() {
        synchronized (this) {
            if (longConnection != null && connecting) {
                longConnection.close();
                connecting = false;
            }
        }
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
