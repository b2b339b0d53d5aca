package dev.aidigest.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word lists kept as text files: one entry a line, {@code #} starts a comment, case ignored. */
public final class WordLists {

    private WordLists() {}

    /**
     * A bundled list: {@code name} next to this class ({@code src/main/resources/dev/aidigest/digest/}),
     * or from the root of the resources when it starts with {@code /}.
     */
    public static Set<String> load(String name) {
        try (InputStream in = WordLists.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled word list missing: " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list from a file, e.g. extra terms an operator keeps in the config directory. */
    public static Set<String> read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + file, e);
        }
    }

    private static Set<String> parse(List<String> lines) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String w = (hash >= 0 ? line.substring(0, hash) : line).trim().toLowerCase(Locale.ROOT);
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
