package dev.aidigest.store;

import dev.aidigest.ingest.SourceState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** One source's cursors and ETags, in {@code source_state}. */
public final class SourceStateStore implements SourceState {

    private final Database db;
    private final String source;

    public SourceStateStore(Database db, String source) {
        this.db = db;
        this.source = source;
    }

    @Override
    public Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT state_value FROM source_state WHERE source = ? AND state_key = ?")) {
                ps.setString(1, source);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String value) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO source_state t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(4000))))"
                            + " AS s(source, state_key, state_value) ON t.source = s.source AND t.state_key = s.state_key"
                            + " WHEN MATCHED THEN UPDATE SET state_value = s.state_value"
                            + " WHEN NOT MATCHED THEN INSERT (source, state_key, state_value) VALUES (s.source, s.state_key, s.state_value)")) {
                ps.setString(1, source);
                ps.setString(2, key);
                ps.setString(3, value);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
