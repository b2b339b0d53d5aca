package dev.aidigest.delivery;

import dev.aidigest.channel.ChatRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Follow alerts in the database (implemented by {@code store.AlertStore}): one row per (follow,
 * story), so a story that stays in several digests alerts once.
 */
public interface AlertQueue {

    /** A chat following some words. */
    record Follow(long id, ChatRef chat, String words) {}

    /** An item of a stored digest, as alerts need it. */
    record Item(String storyKey, String slot, String headline, String summary, String url) {}

    /** A queued alert, claimed for sending. */
    record Alert(long id, ChatRef chat, String words, String slot, String headline, String url, int attempts) {}

    List<Follow> follows();

    /** The items of digest {@code digestId} that may alert: none for a daily report, which retells digests. */
    List<Item> items(long digestId);

    /** Queues an alert unless this follow was already alerted about the story; true when added. */
    boolean add(long followId, Item item, Instant now);

    /** Claims due alerts of these platforms with {@code FOR UPDATE SKIP LOCKED}, leased until {@code leaseUntil}. */
    List<Alert> claim(Set<String> platforms, int max, Instant now, Instant leaseUntil);

    void sent(long id, String messageId);

    void retryAt(long id, Instant due, String error, boolean countAttempt);

    void giveUp(long id, String status, String error);
}
