package dev.aidigest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aidigest.channel.RateBudget;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.channel.telegram.TelegramChannel;
import dev.aidigest.store.ChatStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.LeaseStore;
import dev.aidigest.store.RateBudgetStore;
import dev.aidigest.testing.EchoConversation;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leases and the shared rate budget on the local PostgreSQL, with real Telegram bots against the loopback Bot API. */
class ReceiverLeasesIT {

    final String[] schema = new String[1];
    final Database db = TestDatabases.postgres(schema);
    final FakeTelegramBotApi api = new FakeTelegramBotApi();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        api.close();
        db.close();
        TestDatabases.dropPostgres(schema[0]);
    }

    @Test
    void oneNodeHoldsALeaseUntilItExpiresThenAnotherTakesIt() throws Exception {
        LeaseStore leases = new LeaseStore(db);
        assertThat(leases.hold("receiver:x", "a", Duration.ofMillis(800))).isTrue();
        assertThat(leases.hold("receiver:x", "b", Duration.ofMillis(800))).isFalse();
        assertThat(leases.hold("receiver:x", "a", Duration.ofMillis(800))).isTrue(); // renewal
        assertThat(leases.holders())
                .singleElement()
                .extracting(Leases.Holder::node)
                .isEqualTo("a");
        Thread.sleep(1000); // a stopped renewing: its lease passes
        assertThat(leases.hold("receiver:x", "b", Duration.ofSeconds(5))).isTrue();
        assertThat(leases.hold("receiver:x", "a", Duration.ofSeconds(5))).isFalse();
        leases.release("receiver:x", "a"); // not a's: nothing happens
        assertThat(leases.holders())
                .singleElement()
                .extracting(Leases.Holder::node)
                .isEqualTo("b");
        leases.release("receiver:x", "b");
        assertThat(leases.hold("receiver:x", "a", Duration.ofSeconds(5))).isTrue();
    }

    TelegramBot bot() throws Exception {
        TelegramBot bot = new TelegramBot(
                new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, api.url(), ""),
                new EchoConversation(),
                new ChatStore(db, Clock.systemUTC()),
                TelegramChannel.telegramLimits());
        return bot; // start() (getMe, setMyCommands) is not needed to receive
    }

    @Test
    void onlyTheHolderPollsAndAnotherNodeTakesOverWhenItStops() throws Exception {
        ReceiverLeases a =
                new ReceiverLeases(new LeaseStore(db), "node-a", Duration.ofSeconds(8), Duration.ofSeconds(1));
        ReceiverLeases b =
                new ReceiverLeases(new LeaseStore(db), "node-b", Duration.ofSeconds(8), Duration.ofSeconds(1));
        toClose.add(a);
        toClose.add(b);
        a.add(bot());
        b.add(bot());
        a.start();
        b.start();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.calls("getupdates").size() >= 3);
        assertThat(a.view().get("receiving_here")).asList().containsExactly("receiver:telegram:123456");
        assertThat(b.view().get("receiving_here")).asList().isEmpty();

        api.text(42, null, 42, "/start");
        await().atMost(Duration.ofSeconds(15)).until(() -> api.sentTo(42).size() == 1);

        a.close(); // a clean stop hands over at once: b takes it at its next round
        long stopped = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> !((List<?>) b.view().get("receiving_here")).isEmpty());
        assertThat((System.nanoTime() - stopped) / 1e9)
                .as("well before the 8 s lease would expire")
                .isLessThan(6);
        api.text(43, null, 43, "/start");
        await().atMost(Duration.ofSeconds(15)).until(() -> api.sentTo(43).size() == 1);
        assertThat(api.sentTo(42)).hasSize(1);
        assertThat(api.conflicts.get()).as("409s: never two pollers").isZero();
    }

    @Test
    void theRateBudgetIsSharedAndA429SlowsEveryNode() throws Exception {
        RateBudget one = new RateBudgetStore(db, "telegram:1", 20);
        RateBudget two = new RateBudgetStore(db, "telegram:1", 20); // another node, same bot
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> nodes = new ArrayList<>();
        for (RateBudget budget : List.of(one, two)) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        Thread.sleep(budget.reserve().toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    sent.incrementAndGet();
                }
            });
            t.start();
            nodes.add(t);
        }
        for (Thread t : nodes) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(sent.get()).isEqualTo(20);
        assertThat(seconds).as("20 slots at 20/s for the two nodes together").isGreaterThan(0.9);

        one.pause(Duration.ofMillis(1500)); // node one got a 429
        assertThat(two.reserve()).isGreaterThan(Duration.ofMillis(1200));
    }
}
