package dev.aidigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.search.TermMatch;
import dev.aidigest.search.Tokenizer;
import dev.aidigest.store.AlertStore;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.FollowStore;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.FakeChannel;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertsTest {

    final Database db = TestDb.h2();
    final TestClock clock = new TestClock(Instant.parse("2025-11-26T08:00:00Z"));
    final Alerts alerts = new Alerts(new AlertStore(db), new TermMatch(new Tokenizer()), clock);
    final Outbox outbox = new Outbox(new OutboxStore(db), alerts, clock);
    final FakeChannel channel = new FakeChannel(10);
    final DeliveryWorker worker = new DeliveryWorker(
            new OutboxStore(db),
            dev.aidigest.command.DigestReplies.messages(new ArchiveStore(db)),
            new SubscriptionStore(db, clock),
            List.of(channel),
            DeliverySettings.defaults(),
            alerts,
            clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewMatchingItemAlertsTheFollowingChatOncePerStory() {
        FollowStore follows = new FollowStore(db, clock);
        ChatRef a = new ChatRef("telegram", "1", ChatRef.Kind.PRIVATE);
        ChatRef b = new ChatRef("telegram", "2", ChatRef.Kind.PRIVATE);
        follows.follow(a, "flux.2");
        follows.follow(b, "Gemini 3");
        long digest = TestDb.insertDigest(db, "2025.11.26.16", clock.instant(), 2, 50);
        outbox.publish(digest);
        worker.drain(() -> true);
        assertThat(channel.to("1")).hasSize(2).allSatisfy(s -> assertThat(s.text())
                .startsWith("关注提醒「flux.2」 · 2025.11.26.16 速递"));
        assertThat(channel.to("2")).isEmpty();
        outbox.publish(digest);
        worker.drain(() -> true);
        assertThat(channel.to("1")).hasSize(2);
    }

    /**
     * The daily report retells the day's digests, whose items were alerted on when they were
     * published: publishing it queues no alert, not even to a chat that followed the word since.
     */
    @Test
    void publishingTheDailyReportAlertsNobody() {
        FollowStore follows = new FollowStore(db, clock);
        follows.follow(new ChatRef("telegram", "1", ChatRef.Kind.PRIVATE), "flux.2");
        long report = TestDb.insertEdition(db, "report", "2025.11.26", clock.instant(), 2, 50);
        outbox.publish(report);
        worker.drain(() -> true);
        assertThat(channel.to("1")).noneMatch(s -> s.text().startsWith("关注提醒"));
        long digest = TestDb.insertDigest(db, "2025.11.26.16", clock.instant(), 2, 50);
        outbox.publish(digest);
        worker.drain(() -> true);
        assertThat(channel.to("1")).filteredOn(s -> s.text().startsWith("关注提醒")).hasSize(2);
    }
}
