package dev.aidigest.report;

import dev.aidigest.edition.EditionWithheld;
import dev.aidigest.render.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the report of a day: gather the material, count the words and draw the cloud, write the
 * report, render it, store it (in place if the date was made before), write the markdown to
 * {@code <site>/content/posts/<date>-daily.md} and the PNG to {@code <site>/static/images/}. The CLI and
 * the scheduled job both come through here.
 */
public final class DailyReports {

    private static final Logger log = LoggerFactory.getLogger(DailyReports.class);
    private static final int CLOUD_WORDS = 60; // more would be too small to read on a phone

    private final DayMaterials materials;
    private final WordCounts words;
    private final WordCloudPainter painter;
    private final ReportWriter writer;
    private final ReportRenderer renderer;
    private final Reports reports;
    private final SiteWriter site;
    private final Path siteDir;
    private final ZoneId zone;
    private final java.time.Clock clock;

    public DailyReports(
            DayMaterials materials,
            WordCounts words,
            WordCloudPainter painter,
            ReportWriter writer,
            Reports reports,
            Path siteDir,
            ZoneId zone,
            java.time.Clock clock) {
        this.clock = clock;
        this.materials = materials;
        this.words = words;
        this.painter = painter;
        this.writer = writer;
        this.renderer = new ReportRenderer();
        this.reports = reports;
        this.site = new SiteWriter(siteDir);
        this.siteDir = siteDir;
        this.zone = zone;
    }

    /** One made report: its row, the report, its markdown, the markdown file and the PNG file (null if none). */
    public record Edition(long id, DailyReport report, String markdown, Path file, Path image) {}

    /** The site path of a date's word cloud, as the markdown links it. */
    public static String imagePath(LocalDate date) {
        return "/images/" + date + "-wordcloud.png";
    }

    /** @throws EditionWithheld when the day has no posts and no digests: nothing is stored or written */
    public Edition make(LocalDate date) {
        return make(date, false);
    }

    /** As {@link #make(LocalDate)}; {@code allowEmpty} stores and writes the report of an empty day too. */
    public Edition make(LocalDate date, boolean allowEmpty) {
        long started = System.nanoTime();
        DayMaterial m = materials.load(date, zone);
        if (m.posts().isEmpty() && m.digests() == 0 && !allowEmpty) {
            throw EditionWithheld.empty("report " + date);
        }
        List<WordCounts.Word> counts = words.count(
                OfflineReportWriter.onTopic(m).stream().map(DayPost::text).toList(), CLOUD_WORDS);
        byte[] png = paint(counts, date);
        DailyReport report = writer.write(m, names(counts));
        if (clock.instant().isAfter(m.end().plus(java.time.Duration.ofDays(1)))) {
            report = report.madeAt(m.end().atZone(zone)); // made long after the day: keep its place in the archive
        }
        List<String> categories = new ArrayList<>(List.of("日报"));
        m.categories().stream().limit(5).forEach(categories::add);
        String markdown = renderer.render(report, categories, png == null ? null : imagePath(date));
        long id = reports.save(report, categories, markdown, png);
        Path image = png == null ? null : writeImage(date + "-wordcloud.png", png);
        Path file = site.writePost(date + "-daily", markdown);
        log.info(
                "report {}: {} items from {} digests, {} posts, engine {}, {} LLM calls, {} input tokens, {} ms",
                date,
                m.items().size(),
                m.digests(),
                m.posts().size(),
                report.engine(),
                report.usage().calls(),
                report.usage().inputTokens(),
                (System.nanoTime() - started) / 1_000_000);
        return new Edition(id, report, markdown, file, image);
    }

    private byte[] paint(List<WordCounts.Word> counts, LocalDate date) {
        try {
            return painter.paint(counts);
        } catch (RuntimeException | Error e) {
            log.warn("report {}: word cloud not drawn: {}", date, e.toString());
            return null;
        }
    }

    private static List<String> names(List<WordCounts.Word> counts) {
        return counts.stream()
                .filter(WordCounts.Word::name)
                .filter(w -> w.count() >= 2)
                .map(WordCounts.Word::text)
                .filter(t -> !Set.of("AI", "LLM", "API").contains(t))
                .filter(t -> !t.matches("(?i)(apache|mit|gpl|bsd|cc)\\b.*")) // licences, not products
                .limit(8)
                .toList();
    }

    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("cannot set permissions of {}: {}", file, e.toString());
        }
    }

    private Path writeImage(String name, byte[] png) {
        Path dir = siteDir.resolve("static").resolve("images");
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
            Files.write(tmp, png);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            readableByAll(target); // a temp file is created 0600; the site's web server must be able to read it
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
