package dev.aidigest.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.Webhook;
import dev.aidigest.json.Jackson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Telegram side of {@code serve}: learns its name (getMe), registers the commands in Chinese and
 * by default in English (setMyCommands), then receives updates by long polling, or through
 * {@link #webhook()} when a webhook secret is configured (the two are exclusive in Telegram). Long
 * polling is the bot's {@link #receiver()}: in a cluster only the node holding its lease polls.
 */
public final class TelegramBot implements ChatBot {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    static final List<String> UPDATES = List.of("message", "callback_query", "my_chat_member");

    /**
     * @param apiUrl        Bot API base URL ({@code https://api.telegram.org} or a self-hosted server)
     * @param webhookSecret non-blank: webhook mode (no long polling), checked on every POST
     */
    public record Settings(String token, String apiUrl, String webhookSecret) {
        boolean webhookMode() {
            return webhookSecret != null && !webhookSecret.isBlank();
        }
    }

    private final Settings settings;
    private final TelegramUrl url;
    private final OkHttpTelegramClient client;
    private final TelegramChannel channel;
    private final Conversation conversation;
    private final TelegramUpdates updates;
    private TelegramPolling polling;

    public TelegramBot(Settings settings, Conversation conversation, ChatEvents chatEvents, Throttle throttle) {
        this.settings = settings;
        this.url = url(settings.apiUrl());
        this.client = new OkHttpTelegramClient(settings.token(), url);
        this.channel = new TelegramChannel(client, throttle);
        this.conversation = conversation;
        this.updates = new TelegramUpdates(client, channel, conversation, chatEvents);
    }

    static TelegramUrl url(String apiUrl) {
        URI u = URI.create(apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl);
        int port = u.getPort() > 0 ? u.getPort() : ("http".equals(u.getScheme()) ? 80 : 443);
        return TelegramUrl.builder()
                .schema(u.getScheme())
                .host(u.getHost())
                .port(port)
                .testServer(false)
                .build();
    }

    @Override
    public Channel channel() {
        return channel;
    }

    /** The webhook endpoint, in webhook mode. */
    @Override
    public Optional<Webhook> webhook() {
        if (!settings.webhookMode()) {
            return Optional.empty();
        }
        ObjectMapper json = Jackson.lenientJson();
        return Optional.of(new TelegramWebhook(settings.webhookSecret(), json, updates::handle));
    }

    /** Connects: getMe, setMyCommands. Long polling starts with {@link #startReceiving()}. */
    @Override
    public void start() throws TelegramApiException {
        String name = client.execute(new GetMe()).getUserName();
        conversation.knownAs("telegram", name);
        registerCommands();
        log.info("Telegram bot @{} started ({})", name, settings.webhookMode() ? "webhook" : "long polling");
    }

    /** 401 (a wrong token) or 404 (not a token at all) from getMe. */
    @Override
    public boolean refusesCredentials(Exception e) {
        return e instanceof org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException r
                && r.getErrorCode() != null
                && (r.getErrorCode() == 401 || r.getErrorCode() == 404);
    }

    /** Long polling, unless in webhook mode (then every node takes updates on POST /webhooks/telegram). */
    @Override
    public Optional<String> receiver() {
        return settings.webhookMode() ? Optional.empty() : Optional.of("telegram:" + botKey(settings.token()));
    }

    @Override
    public synchronized void startReceiving() throws TelegramApiException {
        if (settings.webhookMode() || polling != null) {
            return;
        }
        TelegramPolling p = new TelegramPolling(settings.token(), url, UPDATES, updates::handle);
        p.start();
        polling = p;
        log.info("Telegram: long polling started");
    }

    @Override
    public synchronized void stopReceiving() {
        if (polling != null) {
            polling.close();
            polling = null;
            log.info("Telegram: long polling stopped");
        }
    }

    /** The bot's id (the token's part before the colon, which Telegram shows as the bot's user id); never the secret. */
    public static String botKey(String token) {
        int colon = token == null ? -1 : token.indexOf(':');
        return colon > 0 ? token.substring(0, colon) : "bot";
    }

    private void registerCommands() throws TelegramApiException {
        List<BotCommand> zh = new ArrayList<>();
        List<BotCommand> en = new ArrayList<>();
        for (Conversation.CommandInfo c : conversation.commands()) {
            zh.add(new BotCommand(c.name(), clip(c.helpZh())));
            en.add(new BotCommand(c.name(), clip(c.helpEn())));
        }
        client.execute(SetMyCommands.builder()
                .commands(zh)
                .scope(new BotCommandScopeDefault())
                .languageCode("zh")
                .build());
        client.execute(SetMyCommands.builder()
                .commands(en)
                .scope(new BotCommandScopeDefault())
                .build());
    }

    private static String clip(String s) {
        return s.length() <= 256 ? s : s.substring(0, 256);
    }

    /** Stops polling; an update being handled finishes first. */
    @Override
    public void close() {
        stopReceiving();
    }
}
