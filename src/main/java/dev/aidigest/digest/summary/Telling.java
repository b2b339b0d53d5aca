package dev.aidigest.digest.summary;

import dev.aidigest.digest.PostText;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.ingest.Post;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which post tells a story in the offline digest, and the story's posts read as prose. The digest is
 * Chinese, so a Chinese telling wins when the story has one: the lead post when it is Chinese, else
 * the most informative Chinese post (most names and numbers in its opening sentences, then the
 * longer, then the earlier). A Chinese post counts as a telling when it has some substance
 * ({@value #MIN_CJK} Chinese characters or more) and, unless it is long, shares a name or number
 * with another post of the story, or two Chinese words with another Chinese post: a short Chinese
 * comment that names nothing of the story ("太强了，开源社区又赢了一次") is not the news. Replies to other people and retweets are chosen only when no original post is.
 * The digest item still links the lead post; only its words come from the telling.
 */
final class Telling {

    static final int MIN_CJK = 8;
    /** A Chinese post this long is about the story even when it names nothing in Latin letters. */
    private static final int LONG_CJK = 40;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    private final Story story;
    private final Map<String, String> names;
    private final IdentityHashMap<StoredPost, String> cleaned = new IdentityHashMap<>();
    private StoredPost post;
    private boolean chinese;

    private Telling(Story story) {
        this.story = story;
        this.names = new HashMap<>();
        for (StoredPost p : story.posts()) {
            names.putIfAbsent(
                    p.post().authorHandle().toLowerCase(Locale.ROOT),
                    Prose.name(p.post().authorName()));
        }
        this.post = story.lead();
    }

    static Telling of(Story story) {
        Telling t = new Telling(story);
        if (t.isChinese(story.lead())) {
            t.chinese = true;
            return t;
        }
        List<StoredPost> candidates = new ArrayList<>();
        for (StoredPost p : story.posts()) {
            if (t.isChinese(p) && t.onTopic(p)) {
                candidates.add(p);
            }
        }
        IdentityHashMap<StoredPost, Integer> info = new IdentityHashMap<>();
        candidates.forEach(p -> info.put(p, t.informativeness(p)));
        candidates.sort(Comparator.comparing((StoredPost p) -> isOriginal(p.post()) ? 0 : 1)
                .thenComparing(info::get, Comparator.reverseOrder())
                .thenComparing(p -> -PostText.cjkCount(t.text(p)))
                .thenComparing(p -> p.post().createdAt())
                .thenComparingLong(StoredPost::id));
        if (!candidates.isEmpty()) {
            t.post = candidates.get(0);
            t.chinese = true;
        }
        return t;
    }

    /** The telling: the headline and the summary's first sentences come from it. */
    StoredPost post() {
        return post;
    }

    /** Whether the telling is Chinese (then the summary keeps to the story's Chinese posts first). */
    boolean chinese() {
        return chinese;
    }

    Story story() {
        return story;
    }

    /** The post's text cleaned for quoting. */
    String text(StoredPost p) {
        return cleaned.computeIfAbsent(p, x -> Prose.clean(x.post().text(), names));
    }

    /** The post's sentences, cleaned. */
    List<String> sentences(StoredPost p) {
        return Prose.sentences(text(p));
    }

    /** Chinese with some substance: a telling, or an author's Chinese voice in the story. */
    boolean isChinese(StoredPost p) {
        String t = text(p);
        return PostText.mostlyCjk(t) && PostText.cjkCount(t) >= MIN_CJK;
    }

    /** The story's authors other than the telling's, most relevant first. */
    List<String> otherAuthors() {
        List<String> out = new ArrayList<>(story.authors());
        out.remove(post.post().authorName());
        return out;
    }

    /**
     * Long, or sharing a Latin name or number with another post of the story, or two Chinese
     * bigrams with another Chinese post ("日活" and "过亿" in two tellings of "豆包 DAU 破亿").
     */
    @SuppressWarnings("ReferenceEquality") // posts of one story are the same objects
    private boolean onTopic(StoredPost p) {
        String t = text(p);
        if (PostText.cjkCount(t) >= LONG_CJK) {
            return true;
        }
        Set<String> mine = SentenceOverlap.topicFeatures(t);
        for (StoredPost o : story.posts()) {
            if (o == p) {
                continue;
            }
            int sharedBigrams = 0;
            for (String f : SentenceOverlap.topicFeatures(text(o))) {
                if (mine.contains(f)) {
                    if (!isChineseFeature(f) || ++sharedBigrams >= 2) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Names and numbers in the opening sentences: what a reader learns from the first lines. */
    private int informativeness(StoredPost p) {
        List<String> s = sentences(p);
        String opening = String.join(" ", s.subList(0, Math.min(3, s.size())));
        int numbers = (int) NUMBER.matcher(opening).results().count();
        return 2 * KeyPhrases.count(opening, 6) + Math.min(numbers, 4);
    }

    private static boolean isChineseFeature(String f) {
        return f.codePoints().anyMatch(cp -> Character.isLetter(cp) && cp > 0x7F);
    }

    private static boolean isOriginal(Post p) {
        return p.reference() == null
                || p.reference().isQuote()
                || (p.reference().isReply()
                        && p.authorHandle().equalsIgnoreCase(p.reference().authorHandle()));
    }
}
