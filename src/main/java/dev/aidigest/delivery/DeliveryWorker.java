package dev.aidigest.delivery;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.Reply;
import dev.aidigest.command.Archive;
import dev.aidigest.command.DigestReplies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox promises. Each round claims due rows, sends ONE message of each (the next
 * part of its digest) and records it before the next, so a crash repeats at most the message in
 * flight. Per-chat pacing lives in the row's due time (the channel's pace for that chat, about 1 s in
 * a DM), and rows whose digest is under way are claimed first, so a chat's parts go out back to back;
 * the channel enforces the global rate. Workers on several nodes claim disjoint rows; a claim is a
 * short lease that the worker renews while it works through the batch, so the rows of a node that
 * dies are taken by the others within one lease.
 */
public final class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final OutboxQueue queue;
    private final Archive archive;
    private final SubscriptionControl subscriptions;
    private final Map<String, Channel> channels;
    private final DeliverySettings settings;
    private final Clock clock;
    private final DigestReplies replies = new DigestReplies();
    private final Alerts alerts;

    public DeliveryWorker(
            OutboxQueue queue,
            Archive archive,
            SubscriptionControl subscriptions,
            List<Channel> channels,
            DeliverySettings settings,
            Clock clock) {
        this(queue, archive, subscriptions, channels, settings, null, clock);
    }

    /** @param alerts follow alerts sent after the digests of each round; null for none */
    public DeliveryWorker(
            OutboxQueue queue,
            Archive archive,
            SubscriptionControl subscriptions,
            List<Channel> channels,
            DeliverySettings settings,
            Alerts alerts,
            Clock clock) {
        this.alerts = alerts;
        this.queue = queue;
        this.archive = archive;
        this.subscriptions = subscriptions;
        this.channels = new HashMap<>();
        channels.forEach(ch -> this.channels.put(ch.platform(), ch));
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends until nothing is due or {@code keepGoing} turns false (shutdown: the message in flight is
     * finished and recorded, the rest of the claim is released). Returns the messages sent.
     */
    public int drain(BooleanSupplier keepGoing) {
        Map<String, List<Reply>> parts = new HashMap<>();
        int sent = 0;
        while (keepGoing.getAsBoolean()) {
            Instant claimed = clock.instant();
            List<Delivery> batch =
                    queue.claim(readyPlatforms(), settings.batch(), claimed, claimed.plus(settings.lease()));
            if (batch.isEmpty()) {
                return sent + (alerts == null ? 0 : alerts.drain(ready(), keepGoing, settings.lease()));
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!keepGoing.getAsBoolean()) {
                    for (Delivery d : batch.subList(i, batch.size())) {
                        queue.retryAt(d.id(), clock.instant(), "released at shutdown", false);
                    }
                    return sent;
                }
                Instant now = clock.instant();
                if (now.isAfter(claimed.plus(settings.lease().dividedBy(2)))) {
                    queue.extend(
                            batch.subList(i, batch.size()).stream()
                                    .map(Delivery::id)
                                    .toList(),
                            now.plus(settings.lease()));
                    claimed = now;
                }
                sent += sendNext(batch.get(i), parts) ? 1 : 0;
            }
        }
        return sent;
    }

    /** When the next pending row of a platform this node sends to is due (null: none). */
    public Instant nextDue() {
        return queue.nextDue(readyPlatforms());
    }

    private java.util.Set<String> readyPlatforms() {
        return ready().keySet();
    }

    private Map<String, Channel> ready() {
        Map<String, Channel> out = new HashMap<>();
        channels.forEach((platform, ch) -> {
            if (ch.ready()) {
                out.put(platform, ch);
            }
        });
        return out;
    }

    private boolean sendNext(Delivery d, Map<String, List<Reply>> cache) {
        if (!d.active()) {
            queue.giveUp(d.id(), "dropped", "subscription cancelled");
            return false;
        }
        Channel channel = channels.get(d.chat().platform());
        List<Reply> parts =
                cache.computeIfAbsent(d.digestId() + "/" + channel.platform(), k -> archive.byId(d.digestId())
                        .map(replies::of)
                        .map(channel::split)
                        .orElse(List.of()));
        if (parts.isEmpty()) {
            queue.giveUp(d.id(), "dropped", "digest " + d.digestId() + " is gone");
            return false;
        }
        if (d.partsSent() >= parts.size()) {
            queue.completed(d.id(), d.partsSent(), "", clock.instant());
            return false;
        }
        try {
            String messageId = channel.send(d.chat(), parts.get(d.partsSent()));
            int done = d.partsSent() + 1;
            if (done == parts.size()) {
                queue.completed(d.id(), done, messageId, clock.instant());
            } else {
                Duration gap = settings.chatGap();
                if (channel.pace(d.chat()).compareTo(gap) > 0) {
                    gap = channel.pace(d.chat());
                }
                queue.partSent(d.id(), done, messageId, clock.instant().plus(gap));
            }
            return true;
        } catch (ChannelException e) {
            onFailure(d, e);
            return false;
        }
    }

    private void onFailure(Delivery d, ChannelException e) {
        Instant now = clock.instant();
        if (e instanceof ChannelException.RateLimited r) {
            log.info("rate limited on {}: retry after {}", d.chat(), r.retryAfter());
            queue.retryAt(d.id(), now.plus(r.retryAfter()), e.getMessage(), false);
        } else if (e instanceof ChannelException.Forbidden) {
            log.info("deactivating subscription {} ({}): {}", d.subscriptionId(), d.chat(), e.getMessage());
            subscriptions.deactivate(d.subscriptionId(), e.getMessage());
            queue.giveUp(d.id(), "dropped", e.getMessage());
        } else if (e instanceof ChannelException.ChatMigrated m) {
            log.info("chat {} migrated to {}", d.chat(), m.newChatId());
            subscriptions.moveChat(d.subscriptionId(), m.newChatId());
            queue.retryAt(d.id(), now, e.getMessage(), false);
        } else if (e instanceof ChannelException.BadFormat || d.attempts() + 1 >= settings.maxAttempts()) {
            log.warn("giving up outbox row {} to {}: {}", d.id(), d.chat(), e.getMessage());
            queue.giveUp(d.id(), "failed", e.getMessage());
        } else {
            log.info("send to {} failed (attempt {}): {}", d.chat(), d.attempts() + 1, e.getMessage());
            queue.retryAt(d.id(), now.plus(settings.backoffAfter(d.attempts() + 1)), e.getMessage(), true);
        }
    }

    /** Whether a platform has a channel here (rows of others wait for the node that has one). */
    public Optional<Channel> channel(String platform) {
        return Optional.ofNullable(channels.get(platform));
    }
}
