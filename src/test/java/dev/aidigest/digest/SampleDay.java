package dev.aidigest.digest;

import dev.aidigest.ingest.Embedder;
import dev.aidigest.ingest.Format;
import dev.aidigest.ingest.IngestService;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostParser;
import dev.aidigest.ingest.x.XApiV2Parser;
import dev.aidigest.llm.BgeEmbedder;
import dev.aidigest.testing.InMemoryPostSink;
import dev.aidigest.testing.InMemorySourceStates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled sample day ({@code src/main/resources/sample/}) imported the way {@code demo} imports
 * it: the real X API v2 parser and the real bge-small-zh embedder behind the ingest service, into
 * memory. Row ids are the tweet ids, so tests can name posts as the sample's README does.
 */
public final class SampleDay {

    public static final String RESOURCE = "/sample/x-api-v2-sample-day.json";

    private SampleDay() {}

    /** Every post of the sample day with its embedding, oldest first. */
    public static List<StoredPost> load(Map<String, String> displayNames) {
        try (BgeEmbedder embedder = new BgeEmbedder()) {
            return importXApi(RESOURCE, displayNames, embedder);
        }
    }

    /**
     * The posts of an X API v2 file on the classpath, imported as {@code import} does (the real
     * parser, the embedding text, dedupe) into memory; row ids are the tweet ids; oldest first.
     */
    public static List<StoredPost> importXApi(String resource, Map<String, String> displayNames, Embedder embedder) {
        InMemoryPostSink sink = new InMemoryPostSink();
        Map<Format, PostParser> parsers = Map.of(Format.X_API_V2, new XApiV2Parser(displayNames));
        IngestService ingest = new IngestService(
                parsers, sink, embedder, new InMemorySourceStates(), Clock.systemUTC(), 10L << 20, Duration.ofHours(1));
        Path file = copy(resource);
        try {
            ingest.importFile(file, Format.X_API_V2);
        } finally {
            file.toFile().delete();
        }
        List<StoredPost> out = new ArrayList<>();
        for (Post p : sink.posts()) {
            out.add(new StoredPost(Long.parseLong(p.platformId()), p, sink.vector(p.platform(), p.platformId())));
        }
        out.sort(Comparator.comparing((StoredPost p) -> p.post().createdAt()).thenComparingLong(StoredPost::id));
        return out;
    }

    /** The posts as parsed, without vectors (for tools that cache them). */
    public static List<StoredPost> loadWithoutEmbeddings(Map<String, String> displayNames) {
        try (InputStream in = SampleDay.class.getResourceAsStream(RESOURCE)) {
            List<StoredPost> out = new ArrayList<>();
            for (Post p :
                    new XApiV2Parser(displayNames).parse(in.readAllBytes()).posts()) {
                out.add(new StoredPost(Long.parseLong(p.platformId()), p, null));
            }
            out.sort(
                    Comparator.comparing((StoredPost p) -> p.post().createdAt()).thenComparingLong(StoredPost::id));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(String resource) {
        try (InputStream in = SampleDay.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Path file = Files.createTempFile("sample-day", ".json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored posts in memory; author norms are medians like the store's (retweets left out). */
    public static final class MemoryPosts implements Posts {
        private final List<StoredPost> all;

        MemoryPosts(List<StoredPost> all) {
            this.all = List.copyOf(all);
        }

        @Override
        public List<StoredPost> inWindow(Instant start, Instant end) {
            return all.stream()
                    .filter(p -> !p.post().createdAt().isBefore(start)
                            && p.post().createdAt().isBefore(end))
                    .toList();
        }

        @Override
        public Map<String, Double> authorNorms(Instant since, Instant until) {
            Map<String, List<Double>> byAuthor = new HashMap<>();
            for (StoredPost p : inWindow(since, until)) {
                if (!p.post().isRetweet()) {
                    byAuthor.computeIfAbsent(p.post().authorHandle().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(p.post().metrics().engagement());
                }
            }
            Map<String, Double> norms = new HashMap<>();
            byAuthor.forEach((author, values) -> {
                values.sort(Double::compare);
                int n = values.size();
                norms.put(author, n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2);
            });
            return norms;
        }

        @Override
        public List<StoredPost> byIds(Collection<Long> ids) {
            Set<Long> wanted = new HashSet<>(ids);
            return all.stream().filter(p -> wanted.contains(p.id())).toList();
        }
    }

    /** Digests kept in memory as they are saved, so later slots' repeat guard sees earlier items. */
    public static final class MemoryDigests implements Digests {
        private record Saved(Instant windowEnd, PastItem item) {}

        private final List<Saved> items = new ArrayList<>();

        @Override
        public long save(Digest digest, String markdown) {
            items.removeIf(s -> s.item().slot().equals(digest.slot().name()));
            for (DigestItem i : digest.items()) {
                items.add(new Saved(
                        digest.slot().windowEnd(),
                        new PastItem(digest.slot().name(), i.storyKey(), i.headline(), i.postIds())));
            }
            return items.size();
        }

        @Override
        public List<PastItem> itemsEndedBetween(Instant since, Instant until) {
            return items.stream()
                    .filter(s -> !s.windowEnd().isBefore(since) && s.windowEnd().isBefore(until))
                    .map(Saved::item)
                    .toList();
        }

        @Override
        public Optional<String> markdown(String slot) {
            return Optional.empty();
        }
    }
}
