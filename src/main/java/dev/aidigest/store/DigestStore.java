package dev.aidigest.store;

import dev.aidigest.digest.Digest;
import dev.aidigest.digest.DigestItem;
import dev.aidigest.digest.Digests;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Digests, their items and the authors and posts behind each item ({@link ItemRows}). A slot is built
 * in place: same row, new items.
 */
public final class DigestStore implements Digests {

    static final String KIND_DIGEST = "digest";

    private final Database db;
    private final Clock clock;
    private final SearchIndex search;

    /** Indexed for search with the bundled names. */
    public DigestStore(Database db, Clock clock) {
        this(db, clock, SearchIndex.bundled());
    }

    /** @param search writes the items' search terms in the transaction that stores them */
    public DigestStore(Database db, Clock clock, SearchIndex search) {
        this.db = db;
        this.clock = clock;
        this.search = search;
    }

    @Override
    public long save(Digest d, String markdown) {
        Instant now = clock.instant();
        return db.transaction(c -> {
            long id = upsertDigest(c, d, markdown, now);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM digest_item WHERE digest_id = ?")) {
                del.setLong(1, id);
                del.executeUpdate();
            }
            for (DigestItem item : d.items()) {
                ItemRows.insert(c, id, item);
            }
            // the replaced items' postings stay behind; search skips postings of items that are gone
            search.items(c, "di.digest_id = ?", id);
            return id;
        });
    }

    private static long upsertDigest(Connection c, Digest d, String markdown, Instant now) throws SQLException {
        Long existing = idOf(c, d.slot().name());
        String sql = existing == null
                ? "INSERT INTO digest (window_start, window_end, title, categories, markdown, engine, posts_read, accounts_read,"
                        + " llm_calls, llm_input_tokens, llm_output_tokens, llm_fallbacks, updated_at, created_at, kind, slot)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                : "UPDATE digest SET window_start=?, window_end=?, title=?, categories=?, markdown=?, engine=?, posts_read=?,"
                        + " accounts_read=?, llm_calls=?, llm_input_tokens=?, llm_output_tokens=?, llm_fallbacks=?, updated_at=?"
                        + " WHERE id=?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, d.slot().windowStart().atOffset(ZoneOffset.UTC));
            ps.setObject(2, d.slot().windowEnd().atOffset(ZoneOffset.UTC));
            ps.setString(3, d.slot().title());
            ps.setString(4, Json.strings(d.categories()));
            ps.setString(5, markdown);
            ps.setString(6, d.engine());
            ps.setInt(7, d.postsRead());
            ps.setInt(8, d.accountsRead());
            ps.setInt(9, d.usage().calls());
            ps.setInt(10, d.usage().inputTokens());
            ps.setInt(11, d.usage().outputTokens());
            ps.setInt(12, d.usage().fallbacks());
            ps.setObject(13, now.atOffset(ZoneOffset.UTC));
            if (existing == null) {
                ps.setObject(14, now.atOffset(ZoneOffset.UTC));
                ps.setString(15, KIND_DIGEST);
                ps.setString(16, d.slot().name());
            } else {
                ps.setLong(14, existing);
            }
            ps.executeUpdate();
        }
        return existing != null ? existing : idOf(c, d.slot().name());
    }

    private static Long idOf(Connection c, String slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM digest WHERE kind = ? AND slot = ?")) {
            ps.setString(1, KIND_DIGEST);
            ps.setString(2, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The row id of a slot's digest. */
    public Optional<Long> idOf(String slot) {
        return Optional.ofNullable(db.read(c -> idOf(c, slot)));
    }

    @Override
    public List<PastItem> itemsEndedBetween(Instant since, Instant until) {
        return db.read(c -> {
            Map<Long, PastItem> items = new LinkedHashMap<>();
            Map<Long, List<Long>> posts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT i.id, d.slot, i.story_key, i.headline, p.post_id FROM digest d"
                            + " JOIN digest_item i ON i.digest_id = d.id LEFT JOIN digest_item_post p ON p.item_id = i.id"
                            + " WHERE d.kind = ? AND d.window_end >= ? AND d.window_end < ? ORDER BY d.window_end, i.position")) {
                ps.setString(1, KIND_DIGEST);
                ps.setObject(2, since.atOffset(ZoneOffset.UTC));
                ps.setObject(3, until.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        items.putIfAbsent(
                                id, new PastItem(rs.getString(2), rs.getString(3), rs.getString(4), List.of()));
                        long postId = rs.getLong(5);
                        List<Long> list = posts.computeIfAbsent(id, k -> new ArrayList<>());
                        if (!rs.wasNull()) {
                            list.add(postId);
                        }
                    }
                }
            }
            List<PastItem> out = new ArrayList<>();
            items.forEach((id, it) -> out.add(new PastItem(it.slot(), it.storyKey(), it.headline(), posts.get(id))));
            return out;
        });
    }

    @Override
    public Optional<String> markdown(String slot) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT markdown FROM digest WHERE kind = ? AND slot = ?")) {
                ps.setString(1, KIND_DIGEST);
                ps.setString(2, slot);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** How many digests are stored (for status and tests). */
    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM digest WHERE kind = 'digest'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
