package dev.aidigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.FakeChannel;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryWorkerTest {

    static final ChatRef GROUP = new ChatRef("telegram", "-100", ChatRef.Kind.GROUP);
    static final ChatRef DM = new ChatRef("telegram", "42", ChatRef.Kind.PRIVATE);

    final Database db = TestDb.h2();
    final TestClock clock = new TestClock(Instant.parse("2025-11-26T08:00:00Z"));
    final SubscriptionStore subs = new SubscriptionStore(db, clock);
    final OutboxStore queue = new OutboxStore(db);
    final Outbox outbox = new Outbox(queue, clock);
    final FakeChannel channel = new FakeChannel(4); // title + 3 items per part
    final DeliverySettings settings =
            new DeliverySettings(10, Duration.ofSeconds(30), Duration.ofSeconds(1), 3, Duration.ofSeconds(5));
    final DeliveryWorker worker = new DeliveryWorker(
            queue,
            dev.aidigest.command.DigestReplies.messages(new ArchiveStore(db)),
            subs,
            List.of(channel),
            settings,
            clock);
    final long digest = TestDb.insertDigest(db, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 8, 100);

    @AfterEach
    void close() {
        db.close();
    }

    /** Runs the worker, moving the clock past each chat gap, until nothing is left to send. */
    int drainAll() {
        int total = 0;
        for (int i = 0; i < 20; i++) {
            total += worker.drain(() -> true);
            clock.advance(Duration.ofSeconds(2));
        }
        return total;
    }

    @Test
    void sendsEveryPartInOrderToEachSubscriptionAndRecordsMessageIds() {
        subs.subscribe(GROUP, Plan.DIGEST, "1");
        subs.subscribe(DM, Plan.ALL, "42");
        assertThat(outbox.publish(digest)).isEqualTo(2);
        assertThat(drainAll()).isEqualTo(6);
        assertThat(channel.to("-100")).hasSize(3);
        assertThat(channel.to("-100").get(0).text()).startsWith("2025.11.26.16 过去4小时全球AI发生了什么？");
        assertThat(channel.to("-100").get(2).text()).contains("8. Black Forest Labs");
        assertThat(TestDb.column(
                        db, "SELECT status || ':' || parts_sent || ':' || message_ids FROM outbox ORDER BY id"))
                .allSatisfy(s -> assertThat(s).matches("sent:3:\\d+,\\d+,\\d+"));
    }

    @Test
    void publishingAgainReachesOnlySubscriptionsThatHaveNotHadIt() {
        subs.subscribe(GROUP, Plan.DIGEST, "1");
        outbox.publish(digest);
        drainAll();
        subs.subscribe(DM, Plan.DIGEST, "42");
        assertThat(outbox.publish(digest)).isEqualTo(1);
        assertThat(outbox.publish(digest)).isZero();
        drainAll();
        assertThat(channel.to("-100")).hasSize(3);
        assertThat(channel.to("42")).hasSize(3);
    }

    @Test
    void dailyOnlySubscriptionsDoNotGetTheFourHourDigest() {
        subs.subscribe(DM, Plan.DAILY, "42");
        assertThat(outbox.publish(digest)).isZero();
    }

    @Test
    void rateLimitIsRetriedAfterRetryAfterWithoutCountingAnAttempt() {
        subs.subscribe(GROUP, Plan.DIGEST, "1");
        outbox.publish(digest);
        channel.failNext(
                "-100", new ChannelException.RateLimited(Duration.ofSeconds(7), "Too Many Requests: retry after 7"));
        worker.drain(() -> true);
        assertThat(channel.sent).isEmpty();
        clock.advance(Duration.ofSeconds(6));
        worker.drain(() -> true);
        assertThat(channel.sent).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        worker.drain(() -> true);
        assertThat(channel.sent).hasSize(1);
        assertThat(TestDb.column(db, "SELECT attempts FROM outbox")).containsExactly("0");
    }

    @Test
    void forbiddenDeactivatesTheSubscriptionAndLaterDigestsSkipIt() {
        subs.subscribe(GROUP, Plan.DIGEST, "1");
        outbox.publish(digest);
        channel.failNext("-100", new ChannelException.Forbidden("Forbidden: bot was kicked from the group chat"));
        drainAll();
        assertThat(subs.find(GROUP).orElseThrow().active()).isFalse();
        assertThat(TestDb.column(db, "SELECT status FROM outbox")).containsExactly("dropped");
        long next = TestDb.insertDigest(db, "2025.11.26.20", Instant.parse("2025-11-26T12:00:00Z"), 3, 50);
        assertThat(outbox.publish(next)).isZero();
    }

    @Test
    void aGroupThatBecameASupergroupKeepsItsSubscription() {
        subs.subscribe(GROUP, Plan.DIGEST, "1");
        outbox.publish(digest);
        channel.failNext(
                "-100", new ChannelException.ChatMigrated("-100999", "group chat was upgraded to a supergroup chat"));
        drainAll();
        assertThat(channel.to("-100999")).hasSize(3);
        assertThat(subs.find(new ChatRef("telegram", "-100999", ChatRef.Kind.GROUP))
                        .orElseThrow()
                        .active())
                .isTrue();
    }

    @Test
    void transientFailuresBackOffThenGiveUpAfterMaxAttempts() {
        subs.subscribe(GROUP, Plan.DIGEST, "1");
        outbox.publish(digest);
        for (int i = 0; i < 3; i++) {
            channel.failNext("-100", new ChannelException("HTTP 502"));
        }
        worker.drain(() -> true);
        assertThat(TestDb.column(db, "SELECT attempts FROM outbox")).containsExactly("1");
        clock.advance(Duration.ofSeconds(4));
        worker.drain(() -> true);
        assertThat(TestDb.column(db, "SELECT attempts FROM outbox")).containsExactly("1");
        clock.advance(Duration.ofMinutes(1));
        worker.drain(() -> true);
        clock.advance(Duration.ofMinutes(1));
        worker.drain(() -> true);
        assertThat(TestDb.column(db, "SELECT status FROM outbox")).containsExactly("failed");
    }

    @Test
    void aWorkerThatDiedMidDigestIsResumedAfterItsLeaseFromTheNextPart() {
        subs.subscribe(GROUP, Plan.DIGEST, "1");
        outbox.publish(digest);
        worker.drain(() -> true); // part 1 sent and recorded
        clock.advance(Duration.ofSeconds(2));
        // a second worker claims the row and dies before sending: the row is leased, not lost
        assertThat(queue.claim(
                        Set.of("telegram"), 10, clock.instant(), clock.instant().plus(Duration.ofSeconds(30))))
                .hasSize(1);
        assertThat(worker.drain(() -> true)).isZero();
        clock.advance(Duration.ofSeconds(31));
        drainAll();
        assertThat(channel.to("-100"))
                .extracting(FakeChannel.Sent::text)
                .hasSize(3)
                .doesNotHaveDuplicates();
    }

    @Test
    void cancelledSubscriptionsAreDroppedNotSent() {
        subs.subscribe(GROUP, Plan.DIGEST, "1");
        outbox.publish(digest);
        subs.unsubscribe(GROUP);
        drainAll();
        assertThat(channel.sent).isEmpty();
        assertThat(TestDb.column(db, "SELECT status FROM outbox")).containsExactly("dropped");
    }

    @Test
    void stoppingMidBatchReleasesTheRestForTheNextRun() {
        for (int i = 0; i < 5; i++) {
            subs.subscribe(new ChatRef("telegram", "c" + i, ChatRef.Kind.PRIVATE), Plan.DIGEST, "u");
        }
        outbox.publish(digest);
        int[] budget = {2};
        worker.drain(() -> budget[0]-- > 0);
        assertThat(channel.sent).hasSize(1);
        drainAll();
        assertThat(channel.sent).hasSize(15);
    }
}
