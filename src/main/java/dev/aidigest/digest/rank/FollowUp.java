package dev.aidigest.digest.rank;

import dev.aidigest.digest.Digests;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the repeat guard decided for one story, and why: it is {@link Kind#NEW}, or it continues
 * {@code earlier} (an item of a digest of the last day) and is either a {@link Kind#FOLLOW_UP} with
 * {@code news} or a {@link Kind#REPEAT_DROPPED} with none.
 *
 * @param earlier the earlier item it continues; null only for a new story
 * @param news    what a follow-up has that the earlier item's posts did not, in the posts' order
 */
public record FollowUp(Kind kind, Digests.PastItem earlier, List<News> news) {

    /** The three outcomes. */
    public enum Kind {
        NEW,
        FOLLOW_UP,
        REPEAT_DROPPED
    }

    /** A story no earlier digest of the last day told. */
    public static final FollowUp NEW = new FollowUp(Kind.NEW, null, List.of());

    /** How many facts of one signal {@link #whatIsNew()} lists. */
    static final int MAX_FACTS_SHOWN = 6;

    /** How many clauses a summary is given to say what is new. */
    static final int MAX_CLAUSES = 3;

    public FollowUp {
        Objects.requireNonNull(kind, "kind");
        news = List.copyOf(news);
        if ((kind == Kind.NEW) != (earlier == null)) {
            throw new IllegalArgumentException("a follow-up or a repeat names the earlier item, a new story none");
        }
        if ((kind == Kind.FOLLOW_UP) == news.isEmpty()) {
            throw new IllegalArgumentException("a follow-up, and only a follow-up, has news");
        }
    }

    static FollowUp followUp(Digests.PastItem earlier, List<News> news) {
        return new FollowUp(Kind.FOLLOW_UP, Objects.requireNonNull(earlier, "earlier"), news);
    }

    static FollowUp repeat(Digests.PastItem earlier) {
        return new FollowUp(Kind.REPEAT_DROPPED, Objects.requireNonNull(earlier, "earlier"), List.of());
    }

    public boolean isFollowUp() {
        return kind == Kind.FOLLOW_UP;
    }

    public boolean dropped() {
        return kind == Kind.REPEAT_DROPPED;
    }

    /** What is new, grouped by signal in {@link News.Signal} order: {@code new figures: $0.27/M, 25 credits/s; wider rollout: all paid plans}. */
    public String whatIsNew() {
        Map<News.Signal, Set<String>> bySignal = new TreeMap<>();
        for (News n : news) {
            bySignal.computeIfAbsent(n.signal(), s -> new LinkedHashSet<>()).add(n.fact());
        }
        List<String> parts = new ArrayList<>();
        bySignal.forEach((signal, facts) -> {
            List<String> shown = facts.stream().limit(MAX_FACTS_SHOWN).toList();
            String more = facts.size() > shown.size() ? " (+" + (facts.size() - shown.size()) + " more)" : "";
            parts.add(signal.english() + ": " + String.join(", ", shown) + more);
        });
        return String.join("; ", parts);
    }

    /**
     * The clauses of the posts that hold the news, most telling signal first, each once (a clause
     * inside another counts as that one), at most {@value #MAX_CLAUSES}: what a summary of the
     * follow-up is told to say.
     */
    public List<String> clauses() {
        Set<String> out = new LinkedHashSet<>();
        List<News> first =
                news.stream().sorted(Comparator.comparing(News::signal)).toList();
        for (News n : first) {
            boolean told = out.stream()
                    .anyMatch(c -> c.contains(n.clause()) || n.clause().contains(c));
            if (out.size() < MAX_CLAUSES && !told) {
                out.add(n.clause());
            }
        }
        return List.copyOf(out);
    }

    /** One line for {@code digest --explain}. */
    public String explain() {
        return switch (kind) {
            case NEW -> "new: no digest of the last day told it";
            case FOLLOW_UP -> "follow-up of " + item() + " with " + whatIsNew();
            case REPEAT_DROPPED -> "left out: repeats " + item() + " with nothing new";
        };
    }

    private String item() {
        return earlier.slot() + " \"" + earlier.headline() + "\"";
    }
}
