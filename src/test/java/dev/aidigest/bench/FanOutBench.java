package dev.aidigest.bench;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.delivery.DeliverySettings;
import dev.aidigest.delivery.DeliveryWorker;
import dev.aidigest.delivery.Outbox;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.TestDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fan-out of a 3-part digest to 1,000 chats through the real Telegram adapter, against a fake Bot
 * API that enforces Telegram's limits (30 messages/s overall, 1/s per chat) by answering 429.
 * Prints achieved rate / allowed rate. Run: mvn -o -Pbench test -Dtest=FanOutBench
 */
class FanOutBench {

    static final int CHATS = Integer.getInteger("chats", 1000);
    static final double ALLOWED = 30;

    @Test
    void fanOutToAThousandChats() throws Exception {
        try (FakeTelegramBotApi api = new FakeTelegramBotApi();
                Database db = TestDb.h2()) {
            if (!Boolean.getBoolean("raw")) {
                api.enforceRateLimit(ALLOWED, 1000);
            }
            Clock clock = Clock.systemUTC();
            SubscriptionStore subs = new SubscriptionStore(db, clock);
            for (int i = 1; i <= CHATS; i++) {
                subs.subscribe(new ChatRef("telegram", String.valueOf(i), ChatRef.Kind.PRIVATE), Plan.DIGEST, "u");
            }
            long digest = TestDb.insertDigest(db, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 17, 260);
            TelegramBot bot = new TelegramBot(
                    new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, api.url(), ""),
                    null,
                    null,
                    Boolean.getBoolean("raw")
                            ? new dev.aidigest.channel.Throttle(100000, 0, 100000)
                            : dev.aidigest.channel.telegram.TelegramChannel.telegramLimits());
            int parts = bot.channel()
                    .split(new dev.aidigest.command.DigestReplies()
                            .of(new ArchiveStore(db).byId(digest).orElseThrow()))
                    .size();
            OutboxStore queue = new OutboxStore(db);
            DeliveryWorker worker = new DeliveryWorker(
                    queue,
                    dev.aidigest.command.DigestReplies.messages(new ArchiveStore(db)),
                    subs,
                    List.of(bot.channel()),
                    Boolean.getBoolean("raw")
                            ? new DeliverySettings(50, Duration.ofSeconds(60), Duration.ZERO, 8, Duration.ofSeconds(5))
                            : DeliverySettings.defaults(),
                    clock);
            new Outbox(queue, clock).publish(digest);

            long start = System.nanoTime();
            int expected = CHATS * parts;
            while (api.calls("sendmessage#ok").size() < expected) {
                worker.drain(() -> true);
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = expected / seconds;
            System.out.printf(
                    "fan-out: %d chats x %d parts = %d messages in %.1f s; achieved %.2f msg/s / allowed %.0f msg/s = %.3f;"
                            + " 429 answers: %d%n",
                    CHATS, parts, expected, seconds, rate, ALLOWED, rate / ALLOWED, api.rateLimited.get());
        }
    }
}
