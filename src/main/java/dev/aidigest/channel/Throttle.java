package dev.aidigest.channel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Paces sends to a platform's published limits: a global rate, a minimum gap per chat, and a cap
 * per group per minute. The per-chat rules are kept here; the global rate is a {@link RateBudget},
 * in this process by default or {@link #sharedBy shared} by every node of a cluster. Each call
 * reserves the earliest slot that satisfies the chat's rules, waits for it, then waits for a slot of
 * the global budget, so concurrent senders share the budget without bursts that would earn a 429.
 * The global rate is paced at {@value #HEADROOM} times the published limit: slots exactly at the limit let
 * a little network jitter put one message too many into some one-second window. The gap to a chat
 * counts from when its message actually went out, after the wait for the global slot.
 *
 * <p>Evenly spaced slots only stay evenly spaced if each message goes out at its slot. On a loaded
 * machine a sender can wake up late, and late senders next to punctual ones bunch up: at 95% of 30/s,
 * a one-second window holds more than 30 messages once sends are {@value #LATE_MILLIS} ms off their
 * slots. A sender that wakes that late gives its slot up and reserves a new one (at most
 * {@value #RESERVE_AGAIN} times, so a slow budget store cannot keep it waiting forever).
 */
public final class Throttle {

    /** The share of a published global rate that is used. */
    static final double HEADROOM = 0.95;

    /** How late after its global slot a message may still go out: see the class comment. */
    static final long LATE_MILLIS = 50;

    static final int RESERVE_AGAIN = 2;

    private final double perSecond;
    private final long chatGapNanos;
    private final int groupPerMinute;
    private final RateBudget global;
    private final Map<String, Long> nextChat = new HashMap<>();
    private final Map<String, Deque<Long>> groupSends = new HashMap<>();

    /**
     * @param perSecond      messages per second overall (Telegram: 30)
     * @param chatGapMillis  minimum gap between two messages to one chat (Telegram: ~1000)
     * @param groupPerMinute messages per minute to one group (Telegram: 20)
     */
    public Throttle(double perSecond, long chatGapMillis, int groupPerMinute) {
        this(perSecond, chatGapMillis * 1_000_000L, groupPerMinute, RateBudget.local(perSecond * HEADROOM));
    }

    private Throttle(double perSecond, long chatGapNanos, int groupPerMinute, RateBudget global) {
        this.perSecond = perSecond;
        this.chatGapNanos = chatGapNanos;
        this.groupPerMinute = groupPerMinute;
        this.global = global;
    }

    /** The same per-chat rules with the global rate drawn from {@code budget} (one per bot, cluster-wide). */
    public Throttle sharedBy(RateBudget budget) {
        return new Throttle(perSecond, chatGapNanos, groupPerMinute, budget);
    }

    /** Messages per second overall that a shared budget of this bot hands out (below the published limit). */
    public double pacedPerSecond() {
        return perSecond * HEADROOM;
    }

    /** The pace of one chat: the gap per chat, or for a group the gap its per-minute cap allows if longer. */
    public Duration pace(boolean group) {
        long gap = chatGapNanos;
        if (group && groupPerMinute > 0) {
            gap = Math.max(gap, 60_000_000_000L / groupPerMinute);
        }
        return Duration.ofNanos(gap);
    }

    /** Blocks until a message to {@code chatId} may go out. */
    public void acquire(String chatId, boolean group) throws InterruptedException {
        long at = reserve(chatId, group, System.nanoTime());
        sleep(at - System.nanoTime());
        for (int tries = 0; ; tries++) {
            long asked = System.nanoTime();
            long slot = asked + global.reserve().toNanos();
            sleep(slot - System.nanoTime());
            if (tries == RESERVE_AGAIN || System.nanoTime() - slot <= LATE_MILLIS * 1_000_000L) {
                break;
            }
        }
        sent(chatId, System.nanoTime());
    }

    /** The chat's next message waits a full gap from now, however long this one waited for its global slot. */
    private synchronized void sent(String chatId, long now) {
        nextChat.merge(chatId, now + chatGapNanos, Math::max);
    }

    /**
     * The platform answered the message to {@code chatId} (or failed to): the chat's next message waits
     * a full gap from now. A platform measures a chat's gap between the messages it receives; one that
     * took long to arrive must not let the next follow it closer than the gap.
     */
    public void answered(String chatId) {
        sent(chatId, System.nanoTime());
    }

    /** The platform answered 429: every sender of this bot (on every node, when shared) waits {@code retryAfter}. */
    public void rateLimited(Duration retryAfter) {
        global.pause(retryAfter);
    }

    private static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }

    private synchronized long reserve(String chatId, boolean group, long now) {
        long at = Math.max(now, nextChat.getOrDefault(chatId, Long.MIN_VALUE));
        if (group) {
            Deque<Long> window = groupSends.computeIfAbsent(chatId, k -> new ArrayDeque<>());
            while (!window.isEmpty() && window.peekFirst() <= now - 60_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= groupPerMinute) {
                at = Math.max(at, window.peekFirst() + 60_000_000_000L);
            }
            window.addLast(at);
        }
        nextChat.put(chatId, at + chatGapNanos);
        return at;
    }
}
