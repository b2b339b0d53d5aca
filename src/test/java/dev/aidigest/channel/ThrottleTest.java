package dev.aidigest.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    static long millis(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    static void acquire(Throttle t, String chat, boolean group) {
        try {
            t.acquire(chat, group);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theGlobalRateSpacesMessagesEvenly() {
        Throttle t = new Throttle(50, 0, 1000);
        long ms = millis(() -> {
            for (int i = 0; i < 26; i++) {
                acquire(t, "c" + i, false);
            }
        });
        assertThat(ms).isBetween(500L, 900L); // 25 gaps of 21 ms: 50/s paced at 95%
    }

    @Test
    void oneChatWaitsItsGapWhileOthersDoNot() {
        Throttle t = new Throttle(1000, 300, 1000);
        acquire(t, "a", false);
        assertThat(millis(() -> acquire(t, "b", false))).isLessThan(100);
        assertThat(millis(() -> acquire(t, "a", false))).isGreaterThanOrEqualTo(250);
    }

    @Test
    void aChatsGapCountsFromWhenItsMessageWentOutAfterWaitingForTheGlobalSlot() {
        Throttle t = new Throttle(2, 800, 1000); // global slots 526 ms apart, 800 ms per chat
        acquire(t, "x", false); // takes the first global slot
        acquire(t, "b", false); // waits ~526 ms for the next one
        long gap = millis(() -> acquire(t, "b", false));
        assertThat(gap).as("a full chat gap after b's first message went out").isGreaterThanOrEqualTo(750);
    }

    @Test
    void aChatsGapCountsFromWhenThePlatformAnsweredASlowSend() throws Exception {
        Throttle t = new Throttle(1000, 500, 1000);
        acquire(t, "a", false);
        Thread.sleep(300); // the send took 300 ms to reach the platform and come back
        t.answered("a");
        assertThat(millis(() -> acquire(t, "a", false)))
                .as("a full gap after the answer, not 200 ms after it")
                .isGreaterThanOrEqualTo(450);
    }

    @Test
    void aGroupGetsAtMostItsPerMinuteBudgetBeforeWaiting() {
        Throttle t = new Throttle(1000, 0, 3);
        long fast = millis(() -> {
            for (int i = 0; i < 3; i++) {
                acquire(t, "g", true);
            }
        });
        assertThat(fast).isLessThan(200);
        Thread probe = new Thread(() -> {
            try {
                t.acquire("g", true);
            } catch (InterruptedException stopped) {
                // the test ends the wait below
            }
        });
        probe.start();
        try {
            probe.join(500);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(probe.isAlive()).isTrue(); // the 4th message to the group waits for the minute to pass
        probe.interrupt();
    }

    /** A budget whose first {@code slow} answers take 120 ms to arrive and grant a slot that is already due. */
    static RateBudget slowBudget(int slow, java.util.concurrent.atomic.AtomicInteger calls) {
        return new RateBudget() {
            @Override
            public java.time.Duration reserve() {
                if (calls.incrementAndGet() <= slow) {
                    try {
                        Thread.sleep(120);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return java.time.Duration.ZERO;
            }

            @Override
            public void pause(java.time.Duration retryAfter) {}
        };
    }

    @Test
    void aSenderThatComesLateForItsGlobalSlotReservesANewOneInsteadOfBunchingUp() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        new Throttle(30, 0, 20).sharedBy(slowBudget(1, calls)).acquire("a", false);
        assertThat(calls.get()).as("the late slot given up, a fresh one taken").isEqualTo(2);

        java.util.concurrent.atomic.AtomicInteger always = new java.util.concurrent.atomic.AtomicInteger();
        new Throttle(30, 0, 20).sharedBy(slowBudget(Integer.MAX_VALUE, always)).acquire("a", false);
        assertThat(always.get())
                .as("a budget that is always slow costs a bounded number of tries")
                .isEqualTo(Throttle.RESERVE_AGAIN + 1);
    }
}
