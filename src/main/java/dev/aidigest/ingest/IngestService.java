package dev.aidigest.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings posts in: from a file ({@code import}) or from the configured sources ({@code ingest},
 * the scheduler). Each post is parsed, checked against what is stored, embedded once and stored.
 */
public final class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    static final int EMBED_BATCH = 64;
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final Map<Format, PostParser> parsers;
    private final PostSink sink;
    private final Embedder embedder;
    private final SourceStates states;
    private final Clock clock;
    private final long maxFileBytes;
    private final Backoff backoff;
    private final Progress progress;

    /**
     * @param maxFileBytes larger files are refused before they are read ({@code ingest.max_feed_bytes})
     * @param maxBackoff   the longest a failing source rests ({@code ingest.max_backoff_hours})
     */
    public IngestService(
            Map<Format, PostParser> parsers,
            PostSink sink,
            Embedder embedder,
            SourceStates states,
            Clock clock,
            long maxFileBytes,
            Duration maxBackoff) {
        this(parsers, sink, embedder, states, clock, maxFileBytes, maxBackoff, Progress.NONE);
    }

    /** As above, telling {@code progress} how the embedding of a large import goes. */
    public IngestService(
            Map<Format, PostParser> parsers,
            PostSink sink,
            Embedder embedder,
            SourceStates states,
            Clock clock,
            long maxFileBytes,
            Duration maxBackoff,
            Progress progress) {
        this.progress = progress;
        this.parsers = new EnumMap<>(parsers);
        this.sink = sink;
        this.embedder = embedder;
        this.states = states;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
        this.backoff = new Backoff(maxBackoff);
    }

    /** Imports a file, guessing its format from its name and first bytes. */
    public ImportResult importFile(Path file) {
        byte[] content = read(file);
        return importContent(content, Format.guess(file.getFileName().toString(), content));
    }

    /**
     * Imports a file of posts. The whole file is parsed and checked before anything is stored: a file
     * that is not valid in {@code format} leaves the store untouched; a bad entry in a valid file
     * (an id that is no X id, a date in the future…) is skipped, the others are stored, and the
     * import then fails naming the first bad entry; a file none of whose entries is good is not valid. Posts already stored are skipped without
     * embedding them, so running the import again once the file is fixed adds only what was missing.
     *
     * @throws BadInputException when the file is missing, too large or not valid in {@code format},
     *     or after storing the good entries, when some were bad
     */
    public ImportResult importFile(Path file, Format format) {
        return importContent(read(file), format);
    }

    private ImportResult importContent(byte[] content, Format format) {
        PostParser parser = parsers.get(format);
        if (parser == null) {
            throw new BadInputException("No parser is set up for format " + format.cliName() + ".");
        }
        Parsed parsed = parser.parse(content);
        if (parsed.posts().isEmpty() && parsed.skipped().isEmpty() && parsed.unattributed() > 0) {
            throw new BadInputException("None of the " + parsed.unattributed()
                    + " posts has an author (no includes.users and no known user id) or a time; nothing was stored.");
        }
        ImportResult stored = store(parsed.posts());
        if (!parsed.skipped().isEmpty()) {
            throw new BadInputException(partly(parsed.skipped(), stored));
        }
        return new ImportResult(stored.read(), stored.added(), stored.duplicates(), parsed.unattributed());
    }

    /**
     * Two sentences: the bad entries (the first named, so it can be found and fixed), then what was
     * stored. A parser refuses a file none of whose entries is good, so at least one post was read.
     */
    private static String partly(List<Parsed.Skipped> skipped, ImportResult stored) {
        Parsed.Skipped first = skipped.get(0);
        String bad = skipped.size() == 1 ? first.toString() : skipped.size() + " entries are bad, the first: " + first;
        if (!bad.endsWith(".")) {
            bad += ".";
        }
        String others = stored.read() == 1
                ? "The other post was imported"
                : "The other " + stored.read() + " posts were imported";
        return bad + " " + others + " (" + stored.added() + " new).";
    }

    /**
     * Fetches every source once, skipping those still backing off. One source failing never stops
     * the others; a failure makes that source rest 2^n minutes (or as long as it asked).
     */
    public List<SourceResult> ingestOnce(List<Source> sources) {
        List<SourceResult> results = new ArrayList<>(sources.size());
        for (Source source : sources) {
            results.add(ingest(source, false));
        }
        return results;
    }

    /**
     * Fetches one source and stores what is new. Its cursor moves only after the posts are stored.
     *
     * @param ignoreBackoff true for a manual {@code ingest --source NAME}: try now even if resting
     */
    public SourceResult ingest(Source source, boolean ignoreBackoff) {
        String name = source.name();
        SourceState state = states.of(name);
        Instant now = clock.instant();
        if (!ignoreBackoff) {
            Instant resting = backoff.restingUntil(state, now).orElse(null);
            if (resting != null) {
                log.info("source {} backing off until {}", name, resting);
                return new SourceResult(name, SourceResult.Outcome.BACKING_OFF, 0, 0, 0, null, resting);
            }
        }
        PendingState pending = new PendingState(state);
        try {
            List<Post> posts = source.fetch(pending);
            ImportResult stored = store(posts);
            pending.commit();
            backoff.succeeded(state);
            log.info(
                    "source {}: {} fetched, {} new, {} already stored",
                    name,
                    stored.read(),
                    stored.added(),
                    stored.duplicates());
            return new SourceResult(
                    name, SourceResult.Outcome.OK, stored.read(), stored.added(), stored.duplicates(), null, null);
        } catch (SourceException e) {
            // a source's own failure (402, 429, a budget, an unreadable answer) says what it is: no stack trace
            return failed(name, state, now, e.getMessage(), e.retryAfter(), null);
        } catch (RuntimeException e) {
            // a bug or a store/embedder failure in one source must not stop the round
            return failed(name, state, now, e.getClass().getSimpleName() + ": " + e.getMessage(), null, e);
        }
    }

    /** @param cause logged with its stack trace: an unexpected failure (a bug); null for a source's own */
    private SourceResult failed(
            String name, SourceState state, Instant now, String error, Instant retryAfter, Exception cause) {
        Instant next = backoff.failed(state, now, retryAfter);
        if (cause == null) {
            log.warn("source {} failed, next try at {}: {}", name, next, error);
        } else {
            log.warn("source {} failed, next try at {}: {}", name, next, error, cause);
        }
        return new SourceResult(name, SourceResult.Outcome.FAILED, 0, 0, 0, error, next);
    }

    /** Drops what is stored already (or repeated), embeds the rest in batches and stores it at once. */
    ImportResult store(List<Post> posts) {
        Map<String, Post> unique = new LinkedHashMap<>();
        for (Post p : posts) {
            unique.putIfAbsent(p.platform() + "\u0000" + p.platformId(), p);
        }
        Map<String, List<Post>> byPlatform = new LinkedHashMap<>();
        unique.values().forEach(p -> byPlatform
                .computeIfAbsent(p.platform(), k -> new ArrayList<>())
                .add(p));
        List<Post> fresh = new ArrayList<>();
        byPlatform.forEach((platform, list) -> {
            Set<String> known =
                    sink.known(platform, list.stream().map(Post::platformId).toList());
            list.stream().filter(p -> !known.contains(p.platformId())).forEach(fresh::add);
        });
        int added = fresh.isEmpty() ? 0 : sink.add(fresh, embed(fresh), embedder.model());
        return new ImportResult(posts.size(), added, posts.size() - fresh.size(), 0);
    }

    private List<float[]> embed(List<Post> posts) {
        List<float[]> vectors = new ArrayList<>(posts.size());
        for (int from = 0; from < posts.size(); from += EMBED_BATCH) {
            List<String> texts = posts.subList(from, Math.min(posts.size(), from + EMBED_BATCH)).stream()
                    .map(IngestService::embeddingText)
                    .toList();
            vectors.addAll(checked(embedder.embed(texts), texts.size()));
            progress.update("embedding", vectors.size(), posts.size());
        }
        return vectors;
    }

    /**
     * Embeds again, in batches, the posts created at or after {@code since} whose vector the current
     * model did not make (another model's, unnamed or missing), from the same text as at import, and
     * stores vector and model name in place. Each batch is its own transaction: stopped at any point,
     * every post has its old vector or its new one, and a later call goes on with the rest. With
     * nothing to renew this is one query and nothing is embedded.
     *
     * @return how many posts got a new vector
     */
    public int renewEmbeddings(Instant since) {
        String model = embedder.model();
        Set<Long> seen = new HashSet<>();
        int renewed = 0;
        List<PostSink.Outdated> batch;
        while (!(batch = sink.outdatedVectors(since, model, EMBED_BATCH)).isEmpty()) {
            List<Long> ids = batch.stream().map(PostSink.Outdated::id).toList();
            if (ids.stream().anyMatch(seen::contains)) {
                // a post renewed in this call is offered again: the sink did not keep it; stop, not loop
                throw new IllegalStateException("posts " + ids + " still have outdated vectors after renewal");
            }
            seen.addAll(ids);
            List<String> texts =
                    batch.stream().map(o -> embeddingText(o.text())).toList();
            renewed += sink.renewVectors(ids, checked(embedder.embed(texts), texts.size()), model);
            log.debug("renewed {} vectors to {} so far", renewed, model);
        }
        return renewed;
    }

    /**
     * The text a post is embedded by: links removed. A URL is many tokens of noise to the model
     * (an expanded blog link can be 30), costs embedding time, and would pull posts together or
     * apart by the links they share rather than by what they say.
     */
    static String embeddingText(Post post) {
        return embeddingText(post.text());
    }

    private static String embeddingText(String text) {
        String t =
                URL.matcher(text).replaceAll(" ").replaceAll("[ \\t]{2,}", " ").strip();
        return t.isEmpty() ? text : t;
    }

    private static List<float[]> checked(List<float[]> vectors, int texts) {
        if (vectors.size() != texts) {
            throw new IllegalStateException("embedder returned " + vectors.size() + " vectors for " + texts + " texts");
        }
        return vectors;
    }

    private byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw tooLarge(file, size);
            }
            // read at most one byte past the limit: a file that grew meanwhile is still refused
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (content.length > maxFileBytes) {
                throw tooLarge(file, content.length);
            }
            if (content.length == 0) {
                throw new BadInputException("The file " + file + " is empty.");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new BadInputException("No such file: " + file + ".", e);
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private BadInputException tooLarge(Path file, long size) {
        return new BadInputException("The file " + file + " is " + size + " bytes, over the limit of " + maxFileBytes
                + " bytes (ingest.max_feed_bytes).");
    }
}
