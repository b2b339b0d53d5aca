package dev.aidigest.edition;

import dev.aidigest.digest.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the stored vectors a digest build is about to read up to the current embedding model, so the
 * clusterer never compares vectors of two models (their similarities mean nothing). The renewing
 * itself is {@code IngestService#renewEmbeddings}, which embeds only what another model made.
 */
public final class VectorRenewal {

    private static final Logger log = LoggerFactory.getLogger(VectorRenewal.class);
    private static final Duration MIN_HORIZON = Duration.ofDays(2);

    /** Renews nothing: for a store whose vectors are all of one model. */
    public static final VectorRenewal NONE = new VectorRenewal(since -> 0, Duration.ZERO);

    private final ToIntFunction<Instant> renewSince;
    private final Duration horizon;

    /**
     * @param renewSince renews the posts created at or after the instant it is given; returns how many
     * @param horizon    how far before a slot's end the posts to renew were created
     */
    public VectorRenewal(ToIntFunction<Instant> renewSince, Duration horizon) {
        this.renewSince = renewSince;
        this.horizon = horizon;
    }

    /** A renewal over {@link #horizon(int)} for the configured {@code digest.repeat_window_hours}. */
    public static VectorRenewal of(ToIntFunction<Instant> renewSince, int repeatWindowHours) {
        return new VectorRenewal(renewSince, horizon(repeatWindowHours));
    }

    /**
     * How far before a slot's end a build reads stored vectors: its own window, and the posts of the
     * items the repeat guard compares with, told by digests that ended within
     * {@code repeat_window_hours}, each from a window one slot long; one slot more for the edge. Never
     * less than two days: renewing a few more posts costs once, when the model changes (some 100 to 200
     * posts a second on two cores), and anything reading a little further back is covered too. Posts
     * older than this keep the vectors they have; no build of this slot compares them.
     */
    public static Duration horizon(int repeatWindowHours) {
        Duration read = Duration.ofHours(Math.max(0, repeatWindowHours)).plus(Slot.LENGTH.multipliedBy(2));
        return read.compareTo(MIN_HORIZON) < 0 ? MIN_HORIZON : read;
    }

    /**
     * Renews what a build of {@code slot} may read, logging how many when any; with nothing to renew
     * this is one query. Returns how many posts got a new vector.
     */
    public int before(Slot slot) {
        Instant since = slot.windowEnd().minus(horizon);
        long started = System.nanoTime();
        int renewed = renewSince.applyAsInt(since);
        if (renewed > 0) {
            log.info(
                    "digest {}: renewed the vectors of {} posts since {} that an older embedding model made, {} ms",
                    slot,
                    renewed,
                    since,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return renewed;
    }
}
