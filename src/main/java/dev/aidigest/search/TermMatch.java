package dev.aidigest.search;

import dev.aidigest.delivery.FollowMatch;
import java.util.List;

/** A follow matches when the text has every term of the words, by the same rules as /topic. */
public final class TermMatch implements FollowMatch {

    private final Tokenizer tokenizer;

    public TermMatch(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public boolean matches(String words, String text) {
        List<String> q = tokenizer.queryTerms(words);
        return !q.isEmpty() && tokenizer.documentTerms(text).containsAll(q);
    }
}
