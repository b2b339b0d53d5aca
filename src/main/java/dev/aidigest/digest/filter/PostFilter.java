package dev.aidigest.digest.filter;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Post;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Leaves out what a digest reader should never see, before anything costs time or tokens. The
 * rules, in the order they are tried (the first that applies gives the reason):
 *
 * <ol>
 *   <li>{@link Reason#RETWEET}: a bare retweet (the original is in the window if its author is followed).
 *   <li>{@link Reason#INJECTION}, {@link Reason#MARKUP}, {@link Reason#SPAM}, {@link Reason#BAIT},
 *       {@link Reason#PROMOTION}: a signal list each ({@link NoiseLists}): text addressed to an AI
 *       summarizer, HTML/script tags, crypto, giveaways and engagement bait, ads.
 *   <li>{@link Reason#REPLY_TO_OTHER}: a reply to someone else that does not stand on its own
 *       ({@link Replies}); a reply to oneself is a thread and stays.
 *   <li>{@link Reason#TOO_SHORT}: fewer than {@value #MIN_WORDS} words (a Chinese character counts half).
 *   <li>{@link Reason#OFF_TOPIC}: not about AI, or everyday chatter naming a product in passing ({@link Topic}).
 * </ol>
 *
 * <p>A signal list scores a post: a strong entry is enough, two weak ones are enough. One weak
 * entry is enough only for an author who is not followed (not in {@code sources.yml}): followed
 * accounts get the benefit of the doubt, strangers do not. A lab's own product news is not an ad:
 * in its own voice ({@link OwnVoice}) only the strong signs of an ad count.
 *
 * <p>The filter works on features of the text (which words occur, how many, which account wrote
 * it, what it replies to), never on what the text asks for. A post that tells a summarizer to
 * ignore its instructions or to put it first is dropped as {@link Reason#INJECTION}, and no post
 * can change how another is judged: each post is judged by its own text and account with the same
 * fixed lists; the one thing it takes from another post is whether the post a thread continues
 * was kept, which is that post's verdict, not its words.
 */
public final class PostFilter {

    /** Why a post was left out. */
    public enum Reason {
        RETWEET,
        INJECTION,
        MARKUP,
        SPAM,
        BAIT,
        PROMOTION,
        REPLY_TO_OTHER,
        TOO_SHORT,
        OFF_TOPIC
    }

    /**
     * Why one post is left out.
     *
     * @param evidence what tripped the rule (the list entries that matched, or a measure), for explanations
     */
    public record Verdict(Reason reason, String evidence) {}

    /**
     * The posts kept, in their order, and why each other one was left out.
     *
     * @param dropped counts per reason (every reason present, zero or more)
     * @param reasons the reason of each dropped post, by {@link StoredPost#id()}, in the order given
     */
    public record Result(List<StoredPost> kept, Map<Reason, Integer> dropped, Map<Long, Reason> reasons) {
        public Result {
            kept = List.copyOf(kept);
            dropped = Collections.unmodifiableMap(new EnumMap<>(dropped));
            reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        }

        public int droppedTotal() {
            return dropped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Fewer words than this (a Chinese character counts half a word) is too short to report. */
    static final double MIN_WORDS = 3;

    private static final List<Reason> SIGNALS =
            List.of(Reason.INJECTION, Reason.MARKUP, Reason.SPAM, Reason.BAIT, Reason.PROMOTION);

    private final Topic topic;
    private final NoiseLists lists;
    private final Set<String> followed;
    private final OwnVoice ownVoice;

    /**
     * @param followed lower-case handles of the followed X accounts; empty means no list, and then
     *                 nobody is treated as a stranger
     */
    PostFilter(Topic topic, NoiseLists lists, OwnVoice ownVoice, Collection<String> followed) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.lists = Objects.requireNonNull(lists, "lists");
        this.ownVoice = Objects.requireNonNull(ownVoice, "ownVoice");
        this.followed = followed.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The bundled lists plus the config directory's additions, without a list of followed accounts. */
    public static PostFilter fromConfigDir(Path configDir) {
        return fromConfigDir(configDir, Set.of());
    }

    /**
     * The bundled lists plus {@code filter-terms.txt} and {@code noise-terms.txt} from the config
     * directory if present.
     *
     * @param followedHandles the accounts of {@code sources.yml}, any case
     */
    public static PostFilter fromConfigDir(Path configDir, Collection<String> followedHandles) {
        TermList news = NoiseLists.news(configDir);
        return new PostFilter(
                new Topic(Topic.terms(configDir), NoiseLists.chatter(configDir), news),
                NoiseLists.fromConfigDir(configDir),
                new OwnVoice(news),
                followedHandles);
    }

    /** Keeps the posts worth reading; says why of the others. */
    public Result apply(List<StoredPost> posts) {
        List<StoredPost> kept = new ArrayList<>(posts.size());
        Map<Reason, Integer> dropped = new EnumMap<>(Reason.class);
        Map<Long, Reason> reasons = new LinkedHashMap<>();
        for (Reason r : Reason.values()) {
            dropped.put(r, 0);
        }
        Map<String, Reason> byPlatformId = new HashMap<>();
        for (StoredPost sp : posts) {
            byPlatformId.put(key(sp.post()), reasonToDrop(sp.post()));
        }
        continueThreads(posts, byPlatformId);
        for (StoredPost sp : posts) {
            Reason r = byPlatformId.get(key(sp.post()));
            if (r == null) {
                kept.add(sp);
            } else {
                dropped.merge(r, 1, Integer::sum);
                reasons.put(sp.id(), r);
            }
        }
        return new Result(kept, dropped, reasons);
    }

    /**
     * A thread's later post often says little alone ("2/2 Doing it by executive order will be
     * tested in court"): a self-reply left out only as too short or off topic is kept when the post
     * it continues is kept. This looks at reply structure, never at what the texts say.
     */
    private static void continueThreads(List<StoredPost> posts, Map<String, Reason> verdicts) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (StoredPost sp : posts) {
                Post p = sp.post();
                Reason r = verdicts.get(key(p));
                if ((r == Reason.TOO_SHORT || r == Reason.OFF_TOPIC) && continuesKeptThread(p, verdicts)) {
                    verdicts.put(key(p), null);
                    changed = true;
                }
            }
        }
    }

    private static boolean continuesKeptThread(Post p, Map<String, Reason> verdicts) {
        if (p.reference() == null || !p.reference().isReply() || p.isReplyToOther()) {
            return false;
        }
        String parent = p.platform() + ":" + p.reference().platformId();
        return verdicts.containsKey(parent) && verdicts.get(parent) == null;
    }

    private static String key(Post p) {
        return p.platform() + ":" + p.platformId();
    }

    /** Why {@code post} should be left out, or null to keep it (judged alone, without its thread). */
    public Reason reasonToDrop(Post post) {
        Verdict v = judge(post);
        return v == null ? null : v.reason();
    }

    /** Why {@code post} should be left out and what showed it, or null to keep it. */
    public Verdict judge(Post post) {
        if (post.isRetweet()) {
            return new Verdict(Reason.RETWEET, "RT @" + post.reference().authorHandle());
        }
        PostFeatures f = PostFeatures.of(post);
        boolean stranger = isStranger(post);
        for (Reason r : SIGNALS) {
            TermList.Hit hit = lists.list(r).score(f);
            int points = r == Reason.PROMOTION && ownVoice.speaksForItself(post, f) ? hit.strong() : hit.points();
            if (points >= TermList.STRONG || (stranger && points > 0)) {
                return new Verdict(r, String.join(", ", hit.evidence()));
            }
        }
        if (post.isReplyToOther() && !Replies.standsAlone(f, topic.evidence(f, post.links()))) {
            return new Verdict(
                    Reason.REPLY_TO_OTHER, "reply to @" + post.reference().authorHandle());
        }
        if (f.wordCount() < MIN_WORDS) {
            return new Verdict(Reason.TOO_SHORT, f.wordCount() + " words");
        }
        String offTopic = topic.offTopic(f, post.links());
        return offTopic == null ? null : new Verdict(Reason.OFF_TOPIC, offTopic);
    }

    /** An X account not in the followed list (feeds are configured one by one, so they are known). */
    private boolean isStranger(Post post) {
        return !followed.isEmpty()
                && "x".equals(post.platform())
                && !followed.contains(post.authorHandle().toLowerCase(Locale.ROOT));
    }
}
