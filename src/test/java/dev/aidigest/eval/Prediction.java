package dev.aidigest.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A prediction in {@code score.py}'s form: the clusters of tweet ids the engine kept, and the posts it
 * dropped (a post in no cluster counts as dropped whether or not it is listed).
 */
public record Prediction(List<List<String>> clusters, List<String> dropped) {

    private static final ObjectMapper JSON = Jackson.indentedJson();

    public Prediction {
        clusters = clusters.stream().map(List::copyOf).toList();
        dropped = List.copyOf(dropped);
    }

    /** The JSON {@code score.py} reads. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(Map.of("clusters", clusters, "dropped", dropped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #toJson()} to {@code file}, creating its directory. */
    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, toJson());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
