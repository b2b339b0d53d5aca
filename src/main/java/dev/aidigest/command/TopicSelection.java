package dev.aidigest.command;

import dev.aidigest.delivery.FollowMatch;
import java.util.List;
import java.util.Optional;

/**
 * The part of one built digest a subscription with topics gets: its items on at least one topic,
 * matched on headline, summary and credits by the same names as /topic and /follow (英伟达 finds
 * Nvidia). The digest is never summarized again; reports and subscriptions without topics get all.
 */
public final class TopicSelection {

    private final FollowMatch match;

    public TopicSelection(FollowMatch match) {
        this.match = match;
    }

    /** The digest as a subscription with {@code topics} should see it; empty when no item is on them. */
    public Optional<ArchivedDigest> of(ArchivedDigest digest, List<String> topics) {
        if (topics.isEmpty() || !"digest".equals(digest.kind())) {
            return Optional.of(digest);
        }
        List<ArchivedDigest.Item> items = digest.items().stream()
                .filter(item -> topics.stream().anyMatch(topic -> match.matches(topic, text(item))))
                .toList();
        return items.isEmpty()
                ? Optional.empty()
                : Optional.of(new ArchivedDigest(
                        digest.id(),
                        digest.kind(),
                        digest.slot(),
                        digest.title(),
                        digest.windowEnd(),
                        digest.categories(),
                        items,
                        digest.engine()));
    }

    /** The one line a chat that asked for it gets when nothing is on its topics. */
    static String nothingOn(ArchivedDigest digest, List<String> topics) {
        return digest.slot() + " 期 AI 速递没有关于「" + String.join("、", topics) + "」的内容。";
    }

    private static String text(ArchivedDigest.Item item) {
        return item.headline() + "\n" + item.summary() + "\n" + String.join(" ", item.authors());
    }
}
