package dev.aidigest.delivery;

/** Whether a text matches the words a chat follows (implemented with the search tokenizer). */
@FunctionalInterface
public interface FollowMatch {

    boolean matches(String words, String text);
}
