package dev.aidigest.delivery;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Reply.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /follow alerts: when a digest is published, each of its items that matches a chat's followed words
 * is queued once for that chat; {@link #drain} sends them like the outbox does digests.
 */
public final class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final AlertQueue queue;
    private final FollowMatch match;
    private final Clock clock;

    public Alerts(AlertQueue queue, FollowMatch match, Clock clock) {
        this.queue = queue;
        this.match = match;
        this.clock = clock;
    }

    /** Queues alerts for the items of digest {@code digestId}; returns how many were new. */
    public int queueFor(long digestId) {
        List<AlertQueue.Follow> follows = queue.follows();
        if (follows.isEmpty()) {
            return 0;
        }
        int added = 0;
        for (AlertQueue.Item item : queue.items(digestId)) {
            String text = item.headline() + " " + item.summary();
            for (AlertQueue.Follow f : follows) {
                if (match.matches(f.words(), text) && queue.add(f.id(), item, clock.instant())) {
                    added++;
                }
            }
        }
        return added;
    }

    /** Sends due alerts until none is left or {@code keepGoing} turns false; returns how many were sent. */
    public int drain(Map<String, Channel> channels, BooleanSupplier keepGoing) {
        return drain(channels, keepGoing, Duration.ofSeconds(60));
    }

    /**
     * As above, each claim leased for {@code lease}: batches are small enough (10) to be sent well
     * within it at the platforms' rates, so a node that dies leaves its alerts to others after one lease.
     */
    public int drain(Map<String, Channel> channels, BooleanSupplier keepGoing, Duration lease) {
        int sent = 0;
        while (keepGoing.getAsBoolean()) {
            Instant now = clock.instant();
            List<AlertQueue.Alert> batch = queue.claim(channels.keySet(), 10, now, now.plus(lease));
            if (batch.isEmpty()) {
                return sent;
            }
            for (AlertQueue.Alert a : batch) {
                if (!keepGoing.getAsBoolean()) {
                    queue.retryAt(a.id(), clock.instant(), "released at shutdown", false);
                    continue;
                }
                try {
                    queue.sent(a.id(), channels.get(a.chat().platform()).send(a.chat(), reply(a)));
                    sent++;
                } catch (ChannelException.RateLimited e) {
                    queue.retryAt(a.id(), clock.instant().plus(e.retryAfter()), e.getMessage(), false);
                } catch (ChannelException.Forbidden | ChannelException.BadFormat | ChannelException.ChatMigrated e) {
                    queue.giveUp(a.id(), "dropped", e.getMessage());
                } catch (ChannelException e) {
                    if (a.attempts() + 1 >= 5) {
                        queue.giveUp(a.id(), "failed", e.getMessage());
                    } else {
                        queue.retryAt(
                                a.id(),
                                clock.instant().plus(Duration.ofSeconds(30L << a.attempts())),
                                e.getMessage(),
                                true);
                    }
                    log.info("alert to {} failed: {}", a.chat(), e.getMessage());
                }
            }
        }
        return sent;
    }

    static Reply reply(AlertQueue.Alert a) {
        return Reply.builder()
                .paragraph(Span.bold("关注提醒「" + a.words() + "」"), Span.plain(" · " + a.slot() + " 速递"))
                .paragraph(Span.link(a.headline(), a.url()))
                .build();
    }

    /** For the worker: channels by platform. */
    static Map<String, Channel> byPlatform(List<Channel> channels) {
        Map<String, Channel> m = new HashMap<>();
        channels.forEach(c -> m.put(c.platform(), c));
        return m;
    }
}
