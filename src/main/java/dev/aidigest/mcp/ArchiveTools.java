package dev.aidigest.mcp;

import dev.aidigest.command.Archive;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.command.TopicSearch;
import dev.aidigest.digest.Slot;
import dev.aidigest.web.SiteArchive;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * What the MCP tools answer, in markdown, from what the archive already holds: a digest or a daily
 * report is its stored markdown (front matter included), a story is one stored digest item, search is
 * the index {@code /topic} uses. No SDK types here; a bad argument or a missing edition is a
 * {@link ToolRefusal}.
 */
public final class ArchiveTools {

    /** Longer queries are refused, as chats refuse topics over this length. */
    static final int MAX_QUERY_CHARS = 200;

    static final int PAGE_SIZE = 10;
    static final int MAX_LIMIT = 50;
    static final int MAX_PAGE = 100;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SiteArchive site;
    private final Archive archive;
    private final TopicSearch search;
    private final ZoneId zone;
    private final Clock clock;

    public ArchiveTools(SiteArchive site, Archive archive, TopicSearch search, ZoneId zone, Clock clock) {
        this.site = site;
        this.archive = archive;
        this.search = search;
        this.zone = zone;
        this.clock = clock;
    }

    /** The newest digest that has ended and has items, or a line saying there is none yet. */
    public String latestDigest() {
        return archive.latest("digest")
                .flatMap(d -> site.page("digest", d.slot()))
                .map(ArchiveTools::withStoryIds)
                .orElse("No digest has been made yet.");
    }

    /** The digest of one slot ({@code 2025.11.26.16}). */
    public String digest(String slotName) {
        Slot slot;
        try {
            slot = Slot.parse(slotName == null ? "" : slotName, zone);
        } catch (IllegalArgumentException e) {
            throw new ToolRefusal("not a digest slot: " + StoryId.shorten(slotName)
                    + " (a slot is YYYY.MM.DD.HH with HH one of 00, 04, 08, 12, 16, 20, e.g. 2025.11.26.16)");
        }
        if (slot.windowEnd().isAfter(clock.instant())) {
            throw new ToolRefusal("slot " + slot.name() + " has not ended yet; the last ended slot is "
                    + Slot.endingAtOrBefore(clock.instant(), zone).name());
        }
        return site.page("digest", slot.name())
                .map(ArchiveTools::withStoryIds)
                .orElseThrow(() -> new ToolRefusal(
                        "no digest is stored for slot " + slot.name() + newest("digest", "the newest digest is ")));
    }

    /** The daily report of one day ({@code 2025-11-26}, in the configured zone). */
    public String dailyReport(String dateText) {
        LocalDate day;
        try {
            if (dateText == null || !dateText.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", String.valueOf(dateText), 0);
            }
            day = LocalDate.parse(dateText.trim());
        } catch (DateTimeParseException e) {
            throw new ToolRefusal("not a date: " + StoryId.shorten(dateText) + " (want YYYY-MM-DD, e.g. 2025-11-26)");
        }
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        if (day.isAfter(yesterday)) {
            throw new ToolRefusal(day + " has not ended yet in " + zone + "; the last ended day is " + yesterday);
        }
        return site.page("report", day.toString())
                .map(SiteArchive.Page::markdown)
                .orElseThrow(() -> new ToolRefusal(
                        "no daily report is stored for " + day + newest("report", "the newest report is of ")));
    }

    /**
     * The daily report of one day and its word cloud: the PNG the site serves as
     * {@code /images/<date>-wordcloud.png}, when one was drawn; the text says which.
     */
    public ToolAnswer dailyReportWithWordCloud(String dateText) {
        String markdown = dailyReport(dateText);
        String day = dateText.trim();
        Optional<byte[]> png = site.image(day + "-wordcloud.png");
        return new ToolAnswer(
                markdown.stripTrailing()
                        + (png.isPresent()
                                ? "\n\n---\nThe word cloud of " + day + " is attached as a PNG image.\n"
                                : "\n\n---\nThe report of " + day + " has no word-cloud image.\n"),
                png);
    }

    /** One story: a digest item with its headline, link, every author and summary. */
    public String story(String idText) {
        StoryId id = StoryId.parse(idText);
        ArchivedDigest digest = archive.bySlot("digest", id.slot())
                .orElseThrow(() ->
                        new ToolRefusal("no digest is stored for slot " + id.slot() + ", so there is no story " + id));
        ArchivedDigest.Item item = digest.items().stream()
                .filter(i -> i.position() == id.position())
                .findFirst()
                .orElseThrow(() -> new ToolRefusal(
                        "digest " + id.slot() + " has " + digest.items().size() + " items; there is no story " + id));
        StringBuilder md = new StringBuilder()
                .append("# ")
                .append(item.headline())
                .append("\n\n")
                .append(item.url())
                .append("\n\nAuthors: ")
                .append(item.authors().isEmpty() ? "(none recorded)" : String.join(" / ", item.authors()))
                .append("\n\n")
                .append(item.summary())
                .append("\n\n---\nStory ")
                .append(id)
                .append(": item ")
                .append(item.position())
                .append(" of ")
                .append(digest.items().size())
                .append(" in digest ")
                .append(digest.slot())
                .append(" (")
                .append(digest.title())
                .append("), window ending ")
                .append(AT.format(digest.windowEnd().atZone(zone)))
                .append(' ')
                .append(zone)
                .append(", summaries by ")
                .append(digest.engine())
                .append(".\n");
        return md.toString();
    }

    /** As {@link #search(String, int, int, String, String)}, ten a page, at any time. */
    public String search(String query, int page) {
        return search(query, page, PAGE_SIZE, null, null);
    }

    /**
     * Digest items and posts matching every word of {@code query}, newest first, with their story ids.
     *
     * @param limit results per page, 1 to {@value #MAX_LIMIT}
     * @param since null, or a date or date-time results are at or after ({@link SearchRange})
     * @param until null, or a date (included) or date-time (excluded) results are before
     */
    public String search(String query, int page, int limit, String since, String until) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new ToolRefusal("the query is empty: give one or more words, e.g. FLUX.2 or 英伟达");
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw new ToolRefusal(
                    "the query is " + q.length() + " characters long; at most " + MAX_QUERY_CHARS + " are searched");
        }
        if (page < 1 || page > MAX_PAGE) {
            throw new ToolRefusal("page " + page + " is out of range (1 to " + MAX_PAGE + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ToolRefusal("limit " + limit + " is out of range (1 to " + MAX_LIMIT + ")");
        }
        TopicSearch.TimeRange range = SearchRange.of(since, until, zone);
        TopicSearch.Page result = search.search(q, page, limit, range);
        String between = SearchRange.describe(range, zone);
        StringBuilder md = new StringBuilder("# Search: ")
                .append(q)
                .append(" (page ")
                .append(page)
                .append(between.isEmpty() ? "" : ", " + between)
                .append(")\n\n");
        if (result.hits().isEmpty()) {
            md.append(
                            page == 1
                                    ? (between.isEmpty() ? "Nothing found." : "Nothing found in that time.")
                                    : "No more results.")
                    .append('\n');
        }
        int n = (page - 1) * limit;
        for (TopicSearch.Hit h : result.hits()) {
            md.append(++n)
                    .append(". ")
                    .append("item".equals(h.kind()) ? "[digest item] " : "[post] ")
                    .append(h.title())
                    .append(" — ")
                    .append(AT.format(h.at().atZone(zone)))
                    .append(" — ")
                    .append(h.url());
            if (h.story() != null) {
                md.append(" — story ").append(h.story());
            }
            md.append('\n');
        }
        if (result.more()) {
            md.append("\nMore results: search again with page ")
                    .append(page + 1)
                    .append(between.isEmpty() && limit == PAGE_SIZE ? "" : " (and the same limit and dates)")
                    .append(".\n");
        }
        if (result.catchingUp()) {
            md.append("\nThe search index is still being built (about ")
                    .append(result.indexedPercent())
                    .append("% done): results may be incomplete.\n");
        }
        if (result.hits().stream().anyMatch(h -> h.story() != null)) {
            md.append("\nstory(id) returns a story with its summary and all its authors.\n");
        }
        return md.toString();
    }

    private String newest(String kind, String lead) {
        Optional<ArchivedDigest> latest = archive.latest(kind);
        return latest.map(d -> "; " + lead + d.slot()).orElse("; none is stored yet");
    }

    /** A digest's markdown, and the ids of its items so that story(id) can be called on them. */
    private static String withStoryIds(SiteArchive.Page page) {
        int items = page.entry().items();
        if (items == 0) {
            return page.markdown();
        }
        String slot = page.entry().slot();
        List<String> ids = items == 1 ? List.of(slot + "#1") : List.of(slot + "#1", slot + "#" + items);
        return page.markdown().stripTrailing() + "\n\n---\nThe items of this digest are stories "
                + String.join(" … ", ids) + " (numbered as above); story(id) returns one with all its authors.\n";
    }
}
