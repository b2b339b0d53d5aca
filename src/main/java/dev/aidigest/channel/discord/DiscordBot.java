package dev.aidigest.channel.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.ReplayWindow;
import dev.aidigest.channel.Webhook;
import dev.aidigest.config.AppConfig;
import dev.aidigest.json.Jackson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord side of {@code serve}: a JDA gateway bot (when a token is set) that registers the
 * slash commands from the catalog with zh-CN localizations and answers them, the signed HTTP
 * interactions endpoint (when a public key is set), and {@link #channel()} for pushes. REST and
 * gateway base URLs are configurable, which is also how tests point it at loopback fakes.
 */
public final class DiscordBot implements ChatBot {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    static final String DEFAULT_API = "https://discord.com/api/v10/";
    static final String DEFAULT_GATEWAY = "wss://gateway.discord.gg";

    /**
     * @param publicKey  hex; turns on POST /webhooks/discord
     * @param apiUrl     REST base ({@code https://discord.com/api/v10/})
     * @param gatewayUrl gateway ({@code wss://gateway.discord.gg})
     */
    public record Settings(String token, String publicKey, String apiUrl, String gatewayUrl) {
        public static Settings of(AppConfig.DiscordConfig c) {
            return new Settings(c.token(), c.publicKey(), c.apiUrl(), c.gatewayUrl());
        }

        String api() {
            String u = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API : apiUrl.trim();
            return u.endsWith("/") ? u : u + "/";
        }

        String gateway() {
            return gatewayUrl == null || gatewayUrl.isBlank() ? DEFAULT_GATEWAY : gatewayUrl.trim();
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Conversation conversation;
    private final ChatEvents chatEvents;
    private final ObjectMapper json = Jackson.json();
    private final OkHttpClient http =
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "discord-commands");
        t.setDaemon(true);
        return t;
    });
    private volatile JDA jda;
    private final DiscordChannel channel;

    public DiscordBot(Settings settings, Conversation conversation, ChatEvents chatEvents) {
        this(settings, conversation, chatEvents, Clock.systemUTC());
    }

    /** @param clock the replay window of HTTP interactions is measured on it */
    public DiscordBot(Settings settings, Conversation conversation, ChatEvents chatEvents, Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.conversation = conversation;
        this.chatEvents = chatEvents;
        this.channel = new DiscordChannel(() -> jda);
    }

    /** Pushes through the gateway bot's REST client (needs a token and {@link #start()}). */
    @Override
    public Channel channel() {
        return channel;
    }

    /** POST /webhooks/discord, when a public key is configured. */
    @Override
    public Optional<Webhook> webhook() {
        if (settings.publicKey() == null || settings.publicKey().isBlank()) {
            return Optional.empty();
        }
        DiscordJson dj = new DiscordJson(json);
        return Optional.of(new DiscordInteractions(
                new DiscordSignature(settings.publicKey()),
                new ReplayWindow(clock),
                chatEvents,
                dj,
                conversation,
                new DiscordWebhooks(http, settings.api(), dj),
                pool,
                Duration.ofSeconds(2)));
    }

    /** A push-only channel over channel webhook URLs ({@code https://discord.com/api/webhooks/<id>/<token>}). */
    public DiscordWebhookChannel webhookChannel(List<String> webhookUrls) {
        DiscordJson dj = new DiscordJson(json);
        return new DiscordWebhookChannel(new DiscordWebhooks(http, settings.api(), dj), dj, webhookUrls);
    }

    /** Checks there is a gateway bot to run; the gateway connects with {@link #startReceiving()}. */
    @Override
    public void start() {
        if (settings.token() == null || settings.token().isBlank()) {
            log.info("Discord: no token, gateway bot off{}", webhook().isPresent() ? " (HTTP interactions on)" : "");
        }
    }

    /**
     * The gateway session (and with it the REST client the channel sends through): one per bot, so in
     * a cluster only the node holding its lease connects. None without a token.
     */
    @Override
    public Optional<String> receiver() {
        if (settings.token() == null || settings.token().isBlank()) {
            return Optional.empty();
        }
        return Optional.of("discord:" + tokenKey(settings.token()));
    }

    /** A short public key for a token: the first 12 hex digits of its SHA-256, never the token. */
    static String tokenKey(String token) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Logs in over the gateway, waits for READY and registers the slash commands. */
    @Override
    public synchronized void startReceiving() throws InterruptedException {
        if (settings.token() == null || settings.token().isBlank() || jda != null) {
            return;
        }
        String gateway = settings.gateway();
        ConcurrentSessionController sessions = new ConcurrentSessionController() {
            @Override
            public String getGateway() {
                return gateway;
            }

            @Override
            public ShardedGateway getShardedGateway(JDA api) {
                return new ShardedGateway(gateway, 1);
            }
        };
        JDABuilder b = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.api()))
                .setSessionController(sessions)
                .addEventListeners(new DiscordEvents(conversation, chatEvents, pool));
        if (!DEFAULT_GATEWAY.equals(gateway)) {
            b.setCompression(Compression.NONE); // a self-hosted or test gateway need not speak zlib-stream
        }
        JDA client = b.build();
        try {
            client.awaitReady();
        } catch (InterruptedException | RuntimeException e) {
            client.shutdownNow();
            throw e;
        }
        jda = client; // only now: before READY the channel cache is empty and every channel would look gone
        client.updateCommands()
                .addCommands(slashCommands(conversation.commands()))
                .complete();
        conversation.knownAs("discord", client.getSelfUser().getName());
        log.info(
                "Discord bot {} started with {} slash commands",
                client.getSelfUser().getName(),
                conversation.commands().size());
    }

    /** JDA's invalid-token failure, or a 401 anywhere in the causes. */
    @Override
    public boolean refusesCredentials(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof net.dv8tion.jda.api.exceptions.InvalidTokenException
                    || (t.getMessage() != null && t.getMessage().contains("401: Unauthorized"))) {
                return true;
            }
        }
        return false;
    }

    /** Disconnects the gateway (the lease was lost or the node stops). */
    @Override
    public synchronized void stopReceiving() {
        JDA client = jda;
        if (client == null) {
            return;
        }
        jda = null;
        client.shutdown();
        try {
            if (!client.awaitShutdown(Duration.ofSeconds(10))) {
                client.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.shutdownNow();
        }
    }

    /** The catalog as slash commands: English descriptions, zh-CN localizations, one option if the command takes one. */
    static List<SlashCommandData> slashCommands(List<Conversation.CommandInfo> commands) {
        List<SlashCommandData> out = new ArrayList<>();
        for (Conversation.CommandInfo c : commands) {
            SlashCommandData d = Commands.slash(c.name(), DiscordCommands.description(c.helpEn()))
                    .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, DiscordCommands.description(c.helpZh()))
                    .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
            DiscordCommands.option(c).ifPresent(o -> {
                OptionData od = new OptionData(OptionType.STRING, o.name(), o.description(), o.required())
                        .setNameLocalization(DiscordLocale.CHINESE_CHINA, o.nameZh())
                        .setDescriptionLocalization(DiscordLocale.CHINESE_CHINA, o.descriptionZh());
                o.choices().forEach(ch -> od.addChoice(ch, ch));
                d.addOptions(od);
            });
            out.add(d);
        }
        return out;
    }

    /** Disconnects; answers in flight get up to 10 s. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopReceiving();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
