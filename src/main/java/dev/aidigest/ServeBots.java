package dev.aidigest;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChatBot;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.SupervisedBot;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.discord.DiscordBot;
import dev.aidigest.channel.discord.DiscordWebhookChannel;
import dev.aidigest.channel.lark.LarkBot;
import dev.aidigest.channel.lark.LarkChannel;
import dev.aidigest.channel.lark.LarkCustomBotChannel;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.channel.telegram.TelegramChannel;
import dev.aidigest.command.Subscriptions;
import dev.aidigest.config.AppConfig;
import dev.aidigest.store.ChatStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.RateBudgetStore;
import dev.aidigest.store.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat platforms of {@code serve}, from configuration: the bots that take commands (each
 * supervised, so a platform being down stops nothing else) and the push-only chats (Discord channel
 * webhooks, Lark custom group bots).
 *
 * @param bots     the bots that receive commands and send; their channels take deliveries too
 * @param pushOnly channels that only take deliveries
 */
record ServeBots(List<ChatBot> bots, List<Channel> pushOnly) {

    static ServeBots build(
            AppConfig config,
            Database db,
            Conversation router,
            ChatStore chats,
            SubscriptionStore subscriptions,
            Clock clock) {
        List<ChatBot> bots = new ArrayList<>();
        AppConfig.TelegramConfig tg = config.telegram();
        if (tg != null && tg.enabled()) {
            bots.add(supervised(
                    "telegram",
                    new TelegramBot(
                            new TelegramBot.Settings(tg.token(), tg.apiUrl(), tg.webhookSecret()),
                            router,
                            chats,
                            shared(db, "telegram:" + TelegramBot.botKey(tg.token()), TelegramChannel.telegramLimits())),
                    clock));
        }
        AppConfig.DiscordConfig dc = config.discord();
        DiscordBot discord = null;
        if (dc != null && (dc.enabled() || !blank(dc.publicKey()))) { // a public key alone: HTTP interactions only
            discord = new DiscordBot(DiscordBot.Settings.of(dc), router, chats, clock);
            bots.add(supervised("discord", discord, clock));
        }
        AppConfig.LarkConfig lc = config.lark();
        if (lc != null && lc.enabled()) {
            bots.add(supervised(
                    "lark",
                    new LarkBot(
                            LarkBot.Settings.of(lc),
                            router,
                            chats,
                            shared(db, "lark:" + lc.appId(), LarkChannel.larkLimits()),
                            clock),
                    clock));
        }
        return new ServeBots(List.copyOf(bots), pushOnlyChannels(dc, discord, lc, router, chats, subscriptions, clock));
    }

    /** A chat bot that connects in the background and retries, so its platform being down stops nothing else. */
    private static ChatBot supervised(String platform, ChatBot bot, Clock clock) {
        return new SupervisedBot(platform, bot, Duration.ofSeconds(1), Duration.ofMinutes(5), clock);
    }

    /** A bot's global rate as one budget for every node on PostgreSQL; in this process on H2. */
    private static Throttle shared(Database db, String bot, Throttle limits) {
        return db.isPostgres() ? limits.sharedBy(new RateBudgetStore(db, bot, limits.pacedPerSecond())) : limits;
    }

    /**
     * Push-only chats from configuration: nobody can type {@code /subscribe} there, so each configured
     * hook is subscribed to everything here.
     */
    private static List<Channel> pushOnlyChannels(
            AppConfig.DiscordConfig dc,
            DiscordBot discord,
            AppConfig.LarkConfig lc,
            Conversation router,
            ChatStore chats,
            SubscriptionStore subscriptions,
            Clock clock) {
        List<Channel> out = new ArrayList<>();
        if (dc != null && !dc.webhookUrls().isEmpty()) {
            DiscordBot rest = discord != null ? discord : new DiscordBot(DiscordBot.Settings.of(dc), router, chats);
            DiscordWebhookChannel hooks = rest.webhookChannel(dc.webhookUrls());
            hooks.chats().forEach(chat -> subscribeFromConfig(subscriptions, chat));
            out.add(hooks);
        }
        if (lc != null && !lc.customBots().isEmpty()) {
            LarkCustomBotChannel hooks = new LarkCustomBotChannel(
                    lc.customBots().stream()
                            .map(b -> new LarkCustomBotChannel.Hook(b.url(), b.secret() == null ? "" : b.secret()))
                            .toList(),
                    clock);
            hooks.chats().forEach(chat -> subscribeFromConfig(subscriptions, chat));
            out.add(hooks);
        }
        return List.copyOf(out);
    }

    private static void subscribeFromConfig(SubscriptionStore subscriptions, ChatRef chat) {
        if (subscriptions.find(chat).filter(s -> s.active()).isEmpty()) {
            subscriptions.subscribe(chat, Subscriptions.Plan.ALL, "config");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
