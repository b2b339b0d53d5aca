package dev.aidigest.store;

import dev.aidigest.digest.DigestItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rows of one digest item, written the same way for digests and daily reports: the item in
 * {@code digest_item}, its authors in order in {@code digest_item_author} and its posts in {@code
 * digest_item_post}. Both lists are rows, so a story told by any number of accounts in any number of
 * posts fits; only the text columns have sizes, and those do not grow with the story.
 */
final class ItemRows {

    /** Column sizes of {@code digest_item} (V1) and of a name (V5, as long as {@code post.author_name}). */
    static final int HEADLINE_CHARS = 1000;

    static final int SUMMARY_CHARS = 8000;
    static final int URL_CHARS = 2000;
    static final int NAME_CHARS = 200;

    private ItemRows() {}

    /** Inserts {@code item} under digest {@code digestId}; its position must be free there. */
    static void insert(Connection c, long digestId, DigestItem item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO digest_item (digest_id, position, story_key, headline, summary, url, follow_up, score, offline)"
                        + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            Sql.bind(
                    ps,
                    digestId,
                    item.position(),
                    item.storyKey(),
                    Sql.clip(item.headline(), HEADLINE_CHARS),
                    Sql.clip(item.summary(), SUMMARY_CHARS),
                    Sql.clip(item.url(), URL_CHARS),
                    item.followUp(),
                    item.score(),
                    item.offline());
            ps.executeUpdate();
        }
        long itemId;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id FROM digest_item WHERE digest_id = ? AND position = ?")) {
            Sql.bind(ps, digestId, item.position());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                itemId = rs.getLong(1);
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO digest_item_author (item_id, position, name) VALUES (?, ?, ?)")) {
            int position = 1;
            for (String name : item.authors()) {
                Sql.bind(ps, itemId, position++, Sql.clip(name, NAME_CHARS));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO digest_item_post (item_id, post_id) VALUES (?, ?)")) {
            for (long postId : new LinkedHashSet<>(item.postIds())) {
                Sql.bind(ps, itemId, postId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Item id → its authors in order, for the items of the digests {@code digestsWhere} selects (a
     * condition on {@code d}, the digest row, with {@code args} bound to its parameters). Items without
     * authors are absent.
     */
    static Map<Long, List<String>> authors(Connection c, String digestsWhere, Object... args) throws SQLException {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.item_id, a.name FROM digest d"
                + " JOIN digest_item i ON i.digest_id = d.id JOIN digest_item_author a ON a.item_id = i.id"
                + " WHERE " + digestsWhere + " ORDER BY a.item_id, a.position")) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Item id → its post ids (ascending), for the items of the digests {@code digestsWhere} selects. */
    static Map<Long, List<Long>> posts(Connection c, String digestsWhere, Object... args) throws SQLException {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.item_id, p.post_id FROM digest d"
                + " JOIN digest_item i ON i.digest_id = d.id JOIN digest_item_post p ON p.item_id = i.id"
                + " WHERE " + digestsWhere + " ORDER BY p.item_id, p.post_id")) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        return out;
    }
}
