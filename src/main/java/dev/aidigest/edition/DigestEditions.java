package dev.aidigest.edition;

import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestBuilder;
import dev.aidigest.digest.Digests;
import dev.aidigest.digest.Slot;
import dev.aidigest.render.MarkdownRenderer;
import dev.aidigest.render.SiteWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the edition of a slot: renew the stored vectors an older embedding model made, build the
 * digest, render it, store it (in place if the slot was built before) and write it into the site.
 * The CLI and the scheduler both come through here.
 */
public final class DigestEditions {

    private static final Logger log = LoggerFactory.getLogger(DigestEditions.class);

    private final DigestBuilder builder;
    private final MarkdownRenderer renderer;
    private final Digests digests;
    private final SiteWriter site;
    private final Clock clock;
    private final VectorRenewal renewal;

    /** Editions that renew no vectors: every stored vector is taken to be the current model's. */
    public DigestEditions(
            DigestBuilder builder, MarkdownRenderer renderer, Digests digests, SiteWriter site, Clock clock) {
        this(builder, renderer, digests, site, clock, VectorRenewal.NONE);
    }

    /** @param renewal run before each build, on the posts the build may compare */
    public DigestEditions(
            DigestBuilder builder,
            MarkdownRenderer renderer,
            Digests digests,
            SiteWriter site,
            Clock clock,
            VectorRenewal renewal) {
        this.builder = builder;
        this.renderer = renderer;
        this.digests = digests;
        this.site = site;
        this.clock = clock;
        this.renewal = renewal;
    }

    /** One made edition: the stored row, the digest, its markdown and where it was written. */
    public record Edition(long id, Digest digest, String markdown, Path file) {}

    /**
     * The front matter's date: now, when the edition is made on time; the slot's end when an old slot
     * is built after the fact, so the archive keeps it in its place.
     */
    private java.time.Instant madeAt(Slot slot) {
        java.time.Instant now = clock.instant();
        return now.isAfter(slot.windowEnd().plus(Slot.LENGTH)) ? slot.windowEnd() : now;
    }

    /**
     * Builds, renders, stores and writes the digest of {@code slot}.
     *
     * @throws EditionWithheld when the window has no posts: nothing is stored or written
     */
    public Edition make(Slot slot) {
        return make(slot, false);
    }

    /** As {@link #make(Slot)}; {@code allowEmpty} stores and writes a digest of an empty window too. */
    public Edition make(Slot slot, boolean allowEmpty) {
        long started = System.nanoTime();
        renewal.before(slot);
        Digest digest = builder.build(slot, madeAt(slot));
        if (digest.postsRead() == 0 && !allowEmpty) {
            throw EditionWithheld.empty("digest " + slot);
        }
        String markdown = renderer.render(digest);
        long id = digests.save(digest, markdown);
        Path file = site.writePost(slot.name(), markdown);
        log.info(
                "digest {}: {} items from {} posts by {} accounts, engine {}, {} LLM calls, {} input tokens, {} ms",
                slot,
                digest.items().size(),
                digest.postsRead(),
                digest.accountsRead(),
                digest.engine(),
                digest.usage().calls(),
                digest.usage().inputTokens(),
                (System.nanoTime() - started) / 1_000_000);
        return new Edition(id, digest, markdown, file);
    }
}
