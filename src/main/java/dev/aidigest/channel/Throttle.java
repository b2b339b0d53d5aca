package dev.aidigest.channel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Paces sends to a platform's published limits: a global rate, a minimum gap per chat, and a cap
 * per group per minute. Each call reserves the earliest slot that satisfies all three, then sleeps
 * until it, so concurrent senders share the budget without bursts that would earn a 429.
 */
public final class Throttle {

    private final long globalGapNanos;
    private final long chatGapNanos;
    private final int groupPerMinute;
    private long nextGlobal;
    private final Map<String, Long> nextChat = new HashMap<>();
    private final Map<String, Deque<Long>> groupSends = new HashMap<>();

    /**
     * @param perSecond      messages per second overall (Telegram: 30)
     * @param chatGapMillis  minimum gap between two messages to one chat (Telegram: ~1000)
     * @param groupPerMinute messages per minute to one group (Telegram: 20)
     */
    public Throttle(double perSecond, long chatGapMillis, int groupPerMinute) {
        this.globalGapNanos = (long) (1_000_000_000L / perSecond);
        this.chatGapNanos = chatGapMillis * 1_000_000L;
        this.groupPerMinute = groupPerMinute;
    }

    /** Blocks until a message to {@code chatId} may go out. */
    public void acquire(String chatId, boolean group) throws InterruptedException {
        long at = reserve(chatId, group, System.nanoTime());
        long wait = at - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }

    private synchronized long reserve(String chatId, boolean group, long now) {
        long at = Math.max(now, nextGlobal);
        at = Math.max(at, nextChat.getOrDefault(chatId, Long.MIN_VALUE));
        Deque<Long> window = null;
        if (group) {
            window = groupSends.computeIfAbsent(chatId, k -> new ArrayDeque<>());
            while (!window.isEmpty() && window.peekFirst() <= now - 60_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= groupPerMinute) {
                at = Math.max(at, window.peekFirst() + 60_000_000_000L);
            }
            window.addLast(at);
        }
        nextGlobal = at + globalGapNanos;
        nextChat.put(chatId, at + chatGapNanos);
        return at;
    }
}
