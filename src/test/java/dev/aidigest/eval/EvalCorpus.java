package dev.aidigest.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The labelled windows of {@code src/test/resources/eval/}, read from the classpath: for each evaluated
 * slot its window file, its labels and the previous window's file.
 */
public final class EvalCorpus {

    /** Classpath folder of the corpus. */
    public static final String ROOT = "/eval/";

    /** The development windows: the engine is tuned on them and its story model fitted on them. */
    public static final List<String> DEV = List.of("2025.12.03.12", "2025.12.08.20", "2025.12.12.08");

    /**
     * Held-out windows, written later by someone who had not read the engine: never used to fit the
     * story model or to choose a rule, only to measure what the development windows cannot.
     */
    public static final List<String> HELD_OUT =
            List.of("2026.02.10.16", "2026.03.05.08", "2026.04.21.20", "2026.06.17.12", "2026.09.09.04");

    /** Every evaluated slot: {@link #DEV}, then {@link #HELD_OUT}, oldest first in each. */
    public static final List<String> SLOTS =
            java.util.stream.Stream.concat(DEV.stream(), HELD_OUT.stream()).toList();

    private static final ObjectMapper JSON = Jackson.json();

    private EvalCorpus() {}

    /** One evaluated window: its slot, labels, and the file names of it and of the window before. */
    public record Window(String slot, Labels labels, String file, String previousFile) {}

    /** Every evaluated window, in {@link #SLOTS} order. */
    public static List<Window> all() {
        return SLOTS.stream().map(EvalCorpus::window).toList();
    }

    /** The evaluated window of {@code slot} (one of {@link #SLOTS}). */
    public static Window window(String slot) {
        if (!SLOTS.contains(slot)) {
            throw new IllegalArgumentException("no labelled window " + slot + "; have " + SLOTS);
        }
        Labels labels = labels(slot);
        return new Window(slot, labels, labels.file(), labels.previous().file());
    }

    /** The parsed {@code labels-<slot>.json}. */
    public static Labels labels(String slot) {
        try (InputStream in = open("labels-" + slot + ".json")) {
            return Labels.of(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a corpus file. */
    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a corpus file into {@code dir} (import reads files) and returns the copy. */
    public static Path copyTo(String name, Path dir) {
        try (InputStream in = open(name)) {
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a corpus file is on disk (the test-classes copy), for running {@code score.py} on it. */
    public static Path path(String name) {
        URL url = EvalCorpus.class.getResource(ROOT + name);
        if (url == null) {
            throw new IllegalStateException("missing resource " + ROOT + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException(ROOT + name + " is not a file on disk: " + url, e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = EvalCorpus.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("missing resource " + ROOT + name);
        }
        return in;
    }
}
