package dev.aidigest.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One story: the posts of one or more authors about the same thing. {@code posts.get(0)} is the
 * lead post, whose link the digest item carries.
 */
public record Story(List<StoredPost> posts) {

    public Story {
        if (posts.isEmpty()) {
            throw new IllegalArgumentException("a story has at least one post");
        }
        posts = List.copyOf(posts);
    }

    public StoredPost lead() {
        return posts.get(0);
    }

    /** Display names in order of first appearance (lead author first), each once. */
    public List<String> authors() {
        Set<String> names = new LinkedHashSet<>();
        for (StoredPost p : posts) {
            names.add(p.post().authorName());
        }
        return new ArrayList<>(names);
    }

    public Set<String> authorHandles() {
        Set<String> handles = new LinkedHashSet<>();
        for (StoredPost p : posts) {
            handles.add(p.post().authorHandle().toLowerCase(java.util.Locale.ROOT));
        }
        return handles;
    }

    /** Same posts, same key: identifies the story across rebuilds. */
    public String key() {
        return sha256(posts.stream()
                .map(p -> p.post().platform() + ":" + p.post().platformId())
                .sorted()
                .toList()
                .toString());
    }

    /** Same posts with the same text, same hash: the summary cache key. */
    public String contentHash() {
        StringBuilder sb = new StringBuilder();
        posts.stream()
                .map(p -> p.post().platformId() + "\u0000" + p.post().text())
                .sorted()
                .forEach(s -> sb.append(s).append('\u0001'));
        return sha256(sb.toString());
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
