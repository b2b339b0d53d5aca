package dev.aidigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.ChatStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.FollowStore;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.FakeChannel;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** V2 and V3 on the local PostgreSQL, in a fresh schema: the same SQL as on H2 does the same thing. */
class OutboxPostgresIT {

    final String[] schema = new String[1];
    final Database db = TestDatabases.postgres(schema);
    final TestClock clock = new TestClock(Instant.parse("2025-11-26T08:00:00Z"));

    @AfterEach
    void drop() {
        db.close();
        TestDatabases.dropPostgres(schema[0]);
    }

    @Test
    void migrationsRunAndTheOutboxDeliversOncePerSubscriptionOnPostgres() {
        assertThat(TestDb.column(db, "SELECT count(*) FROM qrtz_locks")).containsExactly("0");
        SubscriptionStore subs = new SubscriptionStore(db, clock);
        OutboxStore queue = new OutboxStore(db);
        FakeChannel channel = new FakeChannel(4);
        ChatRef group = new ChatRef("telegram", "-100", ChatRef.Kind.GROUP);
        subs.subscribe(group, Plan.DIGEST, "1");
        subs.subscribe(group, Plan.ALL, "1");
        long digest = TestDb.insertDigest(db, "2025.11.26.16", clock.instant(), 8, 100);
        Outbox outbox = new Outbox(queue, clock);
        assertThat(outbox.publish(digest)).isEqualTo(1);
        assertThat(outbox.publish(digest)).isZero();
        DeliveryWorker worker = new DeliveryWorker(
                queue,
                dev.aidigest.command.DigestReplies.messages(new ArchiveStore(db)),
                subs,
                List.of(channel),
                new DeliverySettings(10, Duration.ofSeconds(30), Duration.ofSeconds(1), 3, Duration.ofSeconds(1)),
                clock);
        for (int i = 0; i < 5; i++) {
            worker.drain(() -> true);
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(channel.to("-100")).hasSize(3);
        assertThat(queue.claim(Set.of("telegram"), 10, clock.instant(), clock.instant()))
                .isEmpty();

        ChatStore chats = new ChatStore(db, clock);
        assertThat(chats.firstTime("telegram", 5)).isTrue();
        assertThat(chats.firstTime("telegram", 5)).isFalse();
        new FollowStore(db, clock).follow(group, "FLUX.2");
        chats.migrated(group, "-100777");
        assertThat(subs.find(new ChatRef("telegram", "-100777", ChatRef.Kind.GROUP)))
                .isPresent();
        assertThat(new FollowStore(db, clock).list(new ChatRef("telegram", "-100777", ChatRef.Kind.GROUP)))
                .containsExactly("FLUX.2");
        chats.botStatusChanged(new ChatRef("telegram", "-100777", ChatRef.Kind.GROUP), "g", "kicked");
        assertThat(subs.find(new ChatRef("telegram", "-100777", ChatRef.Kind.GROUP))
                        .orElseThrow()
                        .active())
                .isFalse();
    }

    @Test
    void searchIndexAndQueryRunOnPostgres() {
        TestDb.insertDigest(db, "2025.11.26.16", clock.instant(), 3, 60);
        SearchStore search = new SearchStore(db);
        assertThat(search.catchUp()).as("indexed when stored").isZero();
        assertThat(search.search("FLUX.2", 1, 2).hits()).hasSize(2);
        assertThat(search.search("FLUX.2", 1, 2).more()).isTrue();
        assertThat(search.search("加粗短语", 1, 5).hits()).hasSize(3);
    }
}
