package dev.aidigest.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.command.Archive;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads stored digests and their items back for chats and the JSON API (the rows DigestStore and ReportStore write). */
public final class ArchiveStore implements Archive {

    private static final String HEAD = "SELECT id, kind, slot, title, window_end, categories, engine FROM digest ";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** What "latest" may be: an edition whose window has ended and that has items. */
    static final String PUBLISHABLE =
            " AND window_end <= ? AND EXISTS (SELECT 1 FROM digest_item i WHERE i.digest_id = digest.id)";

    private final Database db;
    private final java.time.Clock clock;
    private final ObjectMapper json = Jackson.json();

    public ArchiveStore(Database db) {
        this(db, java.time.Clock.systemUTC());
    }

    public ArchiveStore(Database db, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The newest edition of {@code kind} that has ended and has items: never an empty or future one. */
    @Override
    public Optional<ArchivedDigest> latest(String kind) {
        return one(HEAD + "WHERE kind = ?" + PUBLISHABLE + " ORDER BY window_end DESC LIMIT 1", kind, clock.instant());
    }

    @Override
    public Optional<ArchivedDigest> bySlot(String kind, String slot) {
        return one(HEAD + "WHERE kind = ? AND slot = ?", kind, slot);
    }

    @Override
    public Optional<ArchivedDigest> byId(long id) {
        return one(HEAD + "WHERE id = ?", id);
    }

    private Optional<ArchivedDigest> one(String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ArchivedDigest>empty();
                    }
                    long id = rs.getLong("id");
                    return Optional.of(new ArchivedDigest(
                            id,
                            rs.getString("kind"),
                            rs.getString("slot"),
                            rs.getString("title"),
                            Sql.time(rs, "window_end"),
                            strings(rs.getString("categories")),
                            items(c, id),
                            rs.getString("engine")));
                }
            }
        });
    }

    private List<ArchivedDigest.Item> items(Connection c, long digestId) throws SQLException {
        Map<Long, List<String>> authors = ItemRows.authors(c, "d.id = ?", digestId);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, position, headline, summary, url FROM digest_item WHERE digest_id = ? ORDER BY position")) {
            ps.setLong(1, digestId);
            List<ArchivedDigest.Item> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ArchivedDigest.Item(
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            authors.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return out;
        }
    }

    private List<String> strings(String jsonArray) {
        if (jsonArray == null || jsonArray.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(jsonArray, STRINGS);
        } catch (IOException e) {
            return List.of(jsonArray);
        }
    }
}
