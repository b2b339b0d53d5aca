package dev.aidigest.testing;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.CommandCatalog;
import dev.aidigest.command.CommandRouter;
import dev.aidigest.command.Commands;
import dev.aidigest.command.Subscriptions;
import dev.aidigest.command.TopicSearch;
import dev.aidigest.command.UserRateLimit;
import dev.aidigest.delivery.DeliverySettings;
import dev.aidigest.delivery.DeliveryWorker;
import dev.aidigest.delivery.Outbox;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.ChatStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.FollowStore;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.SubscriptionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What {@code serve} puts behind a chat adapter, for adapter end-to-end tests: the real command
 * router with all commands, the stores on H2 with the real migrations, and the delivery outbox.
 */
public final class ChatBackend implements AutoCloseable {

    public final Database db = TestDb.h2();
    public final TestClock clock = new TestClock(Instant.parse("2025-11-26T08:00:00Z"));
    public final SubscriptionStore subscriptions = new SubscriptionStore(db, clock);
    public final ChatStore chats = new ChatStore(db, clock);
    public final ArchiveStore archive = new ArchiveStore(db);
    public final OutboxStore queue = new OutboxStore(db);
    public final Outbox outbox = new Outbox(queue, clock);
    public final CommandRouter router;

    public ChatBackend() {
        CommandCatalog catalog = CommandCatalog.load();
        TopicSearch none = (q, page, size, range) -> new TopicSearch.Page(List.of(), false);
        router = new CommandRouter(
                catalog,
                Commands.all(
                        catalog, archive, none, subscriptions, new FollowStore(db, clock), ZoneId.of("Asia/Shanghai")),
                new UserRateLimit(30, Duration.ofMinutes(1), clock));
    }

    /** Stores a digest like the seeds; returns its id. */
    public long digest(String slot, int items, int summaryChars) {
        return TestDb.insertDigest(db, slot, Instant.parse("2025-11-26T08:00:00Z"), items, summaryChars);
    }

    public Optional<Subscriptions.Subscription> subscription(ChatRef chat) {
        return subscriptions.find(chat);
    }

    /** Publishes and drains the outbox through {@code channel}, moving the clock past chat gaps and retry times. */
    public int deliver(long digestId, Channel channel) {
        outbox.publish(digestId);
        DeliveryWorker worker = new DeliveryWorker(
                queue,
                dev.aidigest.command.DigestReplies.messages(archive),
                subscriptions,
                List.of(channel),
                new DeliverySettings(10, Duration.ofSeconds(30), Duration.ofSeconds(1), 3, Duration.ofSeconds(5)),
                clock);
        int sent = 0;
        for (int i = 0; i < 30; i++) {
            sent += worker.drain(() -> true);
            clock.advance(Duration.ofSeconds(10));
        }
        return sent;
    }

    public List<String> outboxRows() {
        return TestDb.column(db, "SELECT status || ':' || parts_sent || ':' || attempts FROM outbox ORDER BY id");
    }

    /**
     * Forgets which updates, interactions and events were handled, so a fuzz target that sees the same
     * id again goes on past the dedupe to the parser and the command path.
     */
    public void forgetHandledUpdates() {
        db.write(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM processed_update");
            }
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
