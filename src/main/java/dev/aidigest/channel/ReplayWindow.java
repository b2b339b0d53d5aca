package dev.aidigest.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a signed request's own timestamp may be from now, either way. A captured request replayed
 * later than this is refused even though its signature is right; within the window the platform's
 * event or interaction id is recorded ({@link ChatEvents#firstTime}) so it is handled once.
 */
public final class ReplayWindow {

    public static final Duration DEFAULT = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration width;

    public ReplayWindow(Clock clock, Duration width) {
        this.clock = clock;
        this.width = width;
    }

    public ReplayWindow(Clock clock) {
        this(clock, DEFAULT);
    }

    /** True when {@code at} lies within the window around now. */
    public boolean holds(Instant at) {
        Instant now = clock.instant();
        return !at.isBefore(now.minus(width)) && !at.isAfter(now.plus(width));
    }

    /** A decimal count of seconds since the epoch (fraction allowed), as Discord and Lark send it; null when not one. */
    public static Instant epochSeconds(String s) {
        if (s == null || s.isEmpty() || s.length() > 24) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(s.strip());
            if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e11) {
                return null;
            }
            return Instant.ofEpochMilli((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Duration width() {
        return width;
    }
}
