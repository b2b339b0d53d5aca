package dev.aidigest.command;

import dev.aidigest.channel.ChatRef;
import java.util.List;

/** Words a chat follows; a new digest item that matches them sends an alert. */
public interface Follows {

    /** Adds the words (normalised); false when the chat already follows them. */
    boolean follow(ChatRef chat, String words);

    /** Removes; false when the chat did not follow them. */
    boolean unfollow(ChatRef chat, String words);

    List<String> list(ChatRef chat);
}
