package dev.aidigest.store;

import dev.aidigest.web.SiteArchive;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The web archive's reads over table digest (both kinds) and digest_image. */
public final class SiteArchiveStore implements SiteArchive {

    private static final String ENTRY = "SELECT d.kind, d.slot, d.title, d.window_end, d.categories, d.engine,"
            + " (SELECT COUNT(*) FROM digest_item i WHERE i.digest_id = d.id) AS items";

    private final Database db;

    public SiteArchiveStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Entry> recent(int limit) {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(ENTRY + " FROM digest d ORDER BY d.window_end DESC, d.kind LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Page> recentPages(String kind, int limit) {
        return db.read(c -> {
            List<Page> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    ENTRY + ", d.markdown FROM digest d WHERE d.kind = ? ORDER BY d.window_end DESC LIMIT ?")) {
                Sql.bind(ps, kind, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Page(entry(rs), rs.getString("markdown")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Page> page(String kind, String slot) {
        return db.read(c -> one(c, kind, slot));
    }

    private static Optional<Page> one(Connection c, String kind, String slot) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(ENTRY + ", d.markdown FROM digest d WHERE d.kind = ? AND d.slot = ?")) {
            Sql.bind(ps, kind, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Page(entry(rs), rs.getString("markdown"))) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<byte[]> image(String name) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT png FROM digest_image WHERE name = ? ORDER BY digest_id DESC LIMIT 1")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getString("kind"),
                rs.getString("slot"),
                rs.getString("title"),
                Sql.time(rs, "window_end"),
                Json.strings(rs.getString("categories")),
                rs.getInt("items"),
                rs.getString("engine"));
    }
}
