package dev.aidigest.digest.filter;

/**
 * When a reply to someone else stands on its own. "@x nice, congrats!", "@x 哈哈", "@x yes, use
 * the 4-bit one" mean nothing without the post they answer; "@simonw also worth noting:
 * gpt-5.2-chat-latest is the Instant model in the API, same price" adds a fact to a story and
 * belongs to it.
 */
final class Replies {

    /** Words (a Chinese character counts half) a reply needs before it can add anything. */
    static final double MIN_WORDS = 12;

    private Replies() {}

    /**
     * True when the reply is long enough and carries a fact: a number or a version
     * ({@code $1B}, {@code 1024*1024}, {@code gpt-5.2}) or at least two names of the AI vocabulary.
     *
     * @param evidence the post's topic evidence ({@link Topic#evidence})
     */
    static boolean standsAlone(PostFeatures post, int evidence) {
        if (post.wordCount() < MIN_WORDS) {
            return false;
        }
        return evidence >= 2 || post.tokens().stream().anyMatch(t -> t.digits() > 0);
    }
}
