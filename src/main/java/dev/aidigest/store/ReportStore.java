package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.digest.DigestItem;
import dev.aidigest.report.DailyReport;
import dev.aidigest.report.DayItem;
import dev.aidigest.report.DayPost;
import dev.aidigest.report.Reports;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daily reports in table digest (kind {@code report}, slot {@code YYYY-MM-DD}): the day's digests and
 * posts read for the report, the report saved in place with its key points as items (so chats and
 * the outbox show it like a digest) and its word cloud in digest_image.
 */
public final class ReportStore implements Reports {

    static final String KIND_REPORT = "report";

    private final Database db;
    private final Clock clock;

    public ReportStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<DayItem> items(Instant after, Instant upTo) {
        String days = "d.kind = 'digest' AND d.window_end > ? AND d.window_end <= ?";
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            List<DayItem> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT i.id, d.slot, d.window_end, i.position, i.story_key, i.headline, i.summary, i.url,"
                            + " i.score, i.offline FROM digest d JOIN digest_item i ON i.digest_id = d.id WHERE " + days
                            + " ORDER BY d.window_end, i.position")) {
                Sql.bind(ps, after, upTo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        rows.add(row(rs));
                    }
                }
            }
            Map<Long, List<String>> authors = ItemRows.authors(c, days, after, upTo);
            Map<Long, List<Long>> posts = ItemRows.posts(c, days, after, upTo);
            List<DayItem> out = new ArrayList<>(rows.size());
            for (int k = 0; k < rows.size(); k++) {
                DayItem i = rows.get(k);
                long id = ids.get(k);
                out.add(new DayItem(
                        i.slot(),
                        i.windowEnd(),
                        i.position(),
                        i.storyKey(),
                        i.headline(),
                        i.summary(),
                        i.url(),
                        authors.getOrDefault(id, List.of()),
                        posts.getOrDefault(id, List.of()),
                        i.score(),
                        i.offline()));
            }
            return out;
        });
    }

    private static DayItem row(ResultSet rs) throws SQLException {
        return new DayItem(
                rs.getString(2),
                Sql.time(rs, 3),
                rs.getInt(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                List.of(),
                List.of(),
                rs.getDouble(9),
                rs.getBoolean(10));
    }

    @Override
    public List<List<String>> categories(Instant after, Instant upTo) {
        return db.read(c -> {
            List<List<String>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT categories FROM digest WHERE kind = 'digest' AND window_end > ? AND window_end <= ? ORDER BY window_end")) {
                Sql.bind(ps, after, upTo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Json.strings(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<DayPost> posts(Instant from, Instant to) {
        return db.read(c -> {
            List<DayPost> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, author_handle, author_name, text, url, created_at, like_count,"
                            + " repost_count, ref_type FROM post WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id")) {
                Sql.bind(ps, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DayPost(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                Sql.time(rs, 6),
                                rs.getInt(7),
                                rs.getInt(8),
                                rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public long save(DailyReport r, List<String> categories, String markdown, byte[] png) {
        Instant now = clock.instant();
        String slot = r.date().toString();
        Instant start = r.date().atStartOfDay(r.madeAt().getZone()).toInstant();
        Instant end = r.date().plusDays(1).atStartOfDay(r.madeAt().getZone()).toInstant();
        return db.transaction(c -> {
            Long id = idOf(c, slot);
            if (id == null) {
                update(
                        c,
                        "INSERT INTO digest (kind, slot, window_start, window_end, title, categories, markdown, engine, posts_read,"
                                + " accounts_read, llm_calls, llm_input_tokens, llm_output_tokens, llm_fallbacks, created_at, updated_at)"
                                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        KIND_REPORT,
                        slot,
                        start,
                        end,
                        r.title(),
                        Json.strings(categories),
                        markdown,
                        r.engine(),
                        r.stats().posts(),
                        r.stats().accounts(),
                        r.usage().calls(),
                        r.usage().inputTokens(),
                        r.usage().outputTokens(),
                        r.usage().fallbacks(),
                        now,
                        now);
                id = idOf(c, slot);
            } else {
                update(
                        c,
                        "UPDATE digest SET window_start=?, window_end=?, title=?, categories=?, markdown=?, engine=?, posts_read=?,"
                                + " accounts_read=?, llm_calls=?, llm_input_tokens=?, llm_output_tokens=?, llm_fallbacks=?, updated_at=? WHERE id=?",
                        start,
                        end,
                        r.title(),
                        Json.strings(categories),
                        markdown,
                        r.engine(),
                        r.stats().posts(),
                        r.stats().accounts(),
                        r.usage().calls(),
                        r.usage().inputTokens(),
                        r.usage().outputTokens(),
                        r.usage().fallbacks(),
                        now,
                        id);
                update(c, "DELETE FROM digest_item WHERE digest_id = ?", id);
                update(c, "DELETE FROM digest_image WHERE digest_id = ?", id);
            }
            int position = 1;
            for (DailyReport.Point p : r.keyPoints()) {
                ItemRows.insert(c, id, pointItem(position++, p));
            }
            if (png != null) {
                update(
                        c,
                        "INSERT INTO digest_image (digest_id, name, png, created_at) VALUES (?,?,?,?)",
                        id,
                        r.date() + "-wordcloud.png",
                        png,
                        now);
            }
            return id;
        });
    }

    /** A key point is stored like a digest item: its own text as headline, the item's link, authors and posts. */
    private static DigestItem pointItem(int position, DailyReport.Point p) {
        DayItem i = p.item();
        return new DigestItem(
                position,
                i.storyKey(),
                p.text(),
                i.summary(),
                i.url(),
                i.authors(),
                i.postIds(),
                false,
                i.score(),
                i.offline());
    }

    private static Long idOf(Connection c, String slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM digest WHERE kind = ? AND slot = ?")) {
            Sql.bind(ps, KIND_REPORT, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    @Override
    public Optional<byte[]> wordCloud(LocalDate date) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT g.png FROM digest_image g JOIN digest d ON d.id = g.digest_id"
                            + " WHERE d.kind = ? AND d.slot = ? ORDER BY g.name LIMIT 1")) {
                Sql.bind(ps, KIND_REPORT, date.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** The stored markdown of a date's report. */
    public Optional<String> markdown(LocalDate date) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT markdown FROM digest WHERE kind = ? AND slot = ?")) {
                Sql.bind(ps, KIND_REPORT, date.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }
}
