package dev.aidigest.channel.lark;

import dev.aidigest.channel.ChannelException;
import java.time.Duration;
import java.util.Set;

/** The one place that knows what each Lark error code means for us. */
final class LarkErrors {

    /**
     * "Frequency limited": 11232 (arrives as HTTP 200), 230020 (5 QPS per chat), 99991400 (the
     * gateway's limit, HTTP 429 or 400 with {@code x-ogw-ratelimit-reset}).
     */
    static final Set<Integer> RATE_LIMITED = Set.of(11232, 230020, 99991400);
    /**
     * The bot cannot write here any more: 230002 not in the group (removed), 230013 the user is
     * outside the bot's availability, 230045 the chat no longer exists (disbanded).
     */
    static final Set<Integer> FORBIDDEN = Set.of(230002, 230013, 230045);
    /** The message itself was refused: 230001 invalid parameter, 230025 too long, 230099 card content rejected. */
    static final Set<Integer> BAD_FORMAT = Set.of(230001, 230025, 230099);

    private LarkErrors() {}

    static ChannelException map(int httpStatus, int code, String msg, long resetSeconds) {
        String text = "Lark error " + code + " (HTTP " + httpStatus + "): " + msg;
        if (RATE_LIMITED.contains(code) || httpStatus == 429) {
            return new ChannelException.RateLimited(
                    Duration.ofSeconds(resetSeconds > 0 ? resetSeconds : code == 230020 ? 1 : 5), text);
        }
        if (FORBIDDEN.contains(code)) {
            return new ChannelException.Forbidden(text);
        }
        if (BAD_FORMAT.contains(code)) {
            return new ChannelException.BadFormat(text);
        }
        return new ChannelException(text);
    }
}
