package dev.aidigest.command;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} commands per user in a sliding {@code window}. The first refusal in a window
 * gets a polite answer; later ones are dropped, so a flood is not answered by a flood.
 */
public final class UserRateLimit {

    /** What to do with one command. */
    public enum Verdict {
        ALLOW,
        REFUSE_WITH_NOTICE,
        REFUSE_SILENTLY
    }

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();
    private final Map<String, Long> noticed = new ConcurrentHashMap<>();

    public UserRateLimit(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    public int max() {
        return max;
    }

    public Duration window() {
        return window;
    }

    public Verdict check(String userKey) {
        long now = clock.millis();
        long from = now - window.toMillis();
        Deque<Long> q = hits.computeIfAbsent(userKey, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() <= from) {
                q.pollFirst();
            }
            if (q.size() < max) {
                q.addLast(now);
                return Verdict.ALLOW;
            }
        }
        Long last = noticed.get(userKey);
        if (last != null && last > from) {
            return Verdict.REFUSE_SILENTLY;
        }
        noticed.put(userKey, now);
        return Verdict.REFUSE_WITH_NOTICE;
    }
}
