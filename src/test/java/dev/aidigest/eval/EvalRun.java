package dev.aidigest.eval;

import dev.aidigest.Wiring;
import dev.aidigest.digest.CentredSimilarity;
import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.filter.PostFilter;
import dev.aidigest.ingest.ImportResult;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.x.XApiV2Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one labelled window down the path the CLI takes, with nothing stubbed: the bundled configuration
 * copied into a fresh config directory, {@link Wiring} over a new H2 file database in a temp directory
 * (real migrations and stores), {@code import} of the previous window's file and then the evaluated one
 * (real X API v2 parser, real bge-small-zh embedder), {@code digest} of the previous slot (built, stored
 * and written, so the repeat guard sees its items), and finally the evaluated slot's build with its
 * report. The environment is not read, so no LLM or database URL of the machine leaks in: the
 * summarizer is the offline one.
 */
public final class EvalRun {

    private EvalRun() {}

    /** Runs {@code window} and returns everything the scores and the diagnosis need. */
    public static WindowRun run(EvalCorpus.Window window) {
        Path tmp = createTemp(window.slot());
        try {
            return run(window, tmp);
        } finally {
            delete(tmp);
        }
    }

    private static WindowRun run(EvalCorpus.Window window, Path tmp) {
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.nanoTime();
        Path configDir = copyBundledConfig(tmp.resolve("config"));
        Path files = mkdirs(tmp.resolve("files"));
        try (Wiring w = Wiring.create(configDir, tmp.resolve("data"), Map.of())) {
            Slot slot = Slot.parse(window.slot(), w.zone());
            Slot previous = Slot.parse(window.labels().previous().slot(), w.zone());
            if (!previous.equals(slot.previous())) {
                throw new IllegalStateException(
                        "labels of " + slot + " name " + previous + " as the previous window, not " + slot.previous());
            }
            ImportResult before = w.ingest().importFile(EvalCorpus.copyTo(window.previousFile(), files));
            ImportResult evaluated = w.ingest().importFile(EvalCorpus.copyTo(window.file(), files));
            t = lap(millis, "import", t);
            Digest previousDigest =
                    w.editions(tmp.resolve("site")).make(previous).digest();
            t = lap(millis, "previous digest", t);
            DigestBuilder.Build build = w.builder().buildWithReport(slot, slot.windowEnd());
            t = lap(millis, "digest", t);

            List<StoredPost> inWindow = w.posts().inWindow(slot.windowStart(), slot.windowEnd());
            PostFilter filter = PostFilter.fromConfigDir(configDir);
            Map<String, PostFilter.Reason> filtered = new LinkedHashMap<>();
            for (StoredPost p : inWindow) {
                PostFilter.Reason r = filter.reasonToDrop(p.post());
                if (r != null) {
                    filtered.put(p.post().platformId(), r);
                }
            }
            Map<String, Post> filePosts = new LinkedHashMap<>();
            for (Post p : new XApiV2Parser(Map.of())
                    .parse(EvalCorpus.bytes(window.file()))
                    .posts()) {
                filePosts.put(p.platformId(), p);
            }
            lap(millis, "read back", t);
            return new WindowRun(
                    window,
                    filePosts,
                    inWindow,
                    filtered,
                    build,
                    previousDigest,
                    w.config().clustering(),
                    CentredSimilarity.of(build.filtered().kept()),
                    new WindowRun.Imported(before.read(), before.added(), evaluated.read(), evaluated.added()),
                    millis);
        }
    }

    /**
     * The configuration bundled with the application (the classpath's {@code config/}, which the build
     * copies from the repository's {@code config/}), as a directory: the word lists that only a config
     * directory supplies (filter-terms.txt) come along with application.yml and sources.yml.
     */
    static Path copyBundledConfig(Path target) {
        URL url = EvalRun.class.getResource("/config/application.yml");
        if (url == null) {
            throw new IllegalStateException("no bundled config/application.yml on the classpath");
        }
        try {
            Path source = Path.of(url.toURI()).getParent();
            try (Stream<Path> all = Files.walk(source)) {
                for (Path p : all.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("bundled config is not a directory on disk: " + url, e);
        }
    }

    private static Path createTemp(String slot) {
        try {
            return Files.createTempDirectory("eval-" + slot + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp directory left behind is harmless; the numbers are what matter
            System.err.println("eval: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static long lap(Map<String, Long> millis, String step, long since) {
        long now = System.nanoTime();
        millis.put(step, (now - since) / 1_000_000);
        return now;
    }
}
