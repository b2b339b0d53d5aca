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

    /** The app's credentials are wrong: 10003 invalid app_id, 10014 app secret invalid. */
    static final Set<Integer> BAD_CREDENTIALS = Set.of(10003, 10014);

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("^Lark error (\\d+) ");

    private LarkErrors() {}

    /** Whether {@code e} is Lark refusing the app id or secret (as {@link #map} words it). */
    static boolean refusesCredentials(Exception e) {
        java.util.regex.Matcher m = CODE.matcher(String.valueOf(e.getMessage()));
        return e instanceof ChannelException && m.find() && BAD_CREDENTIALS.contains(Integer.parseInt(m.group(1)));
    }

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
