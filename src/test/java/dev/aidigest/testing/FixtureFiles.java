package dev.aidigest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads files under {@code src/test/resources/fixtures/}. */
public final class FixtureFiles {
    private FixtureFiles() {}

    /** @param path relative to {@code fixtures/}, e.g. {@code twitter/tweepy_v2_get_tweets.json} */
    public static byte[] bytes(String path) {
        try (InputStream in = FixtureFiles.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
