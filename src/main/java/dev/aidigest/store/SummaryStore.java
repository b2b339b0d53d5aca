package dev.aidigest.store;

import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.SummaryCache;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * LLM story summaries by content hash. Offline summaries are never cached: they are free to make and
 * a later LLM run should replace them.
 */
public final class SummaryStore implements SummaryCache {

    private final Database db;
    private final Clock clock;

    public SummaryStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<StorySummary> get(String contentHash, String engine) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT headline, summary FROM story_summary WHERE content_hash = ? AND engine = ?")) {
                ps.setString(1, contentHash);
                ps.setString(2, engine);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StorySummary(rs.getString(1), rs.getString(2), false))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String contentHash, String engine, StorySummary summary) {
        if (summary.offline()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO story_summary t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(200)),"
                            + " CAST(? AS VARCHAR(1000)), CAST(? AS VARCHAR(8000)), CAST(? AS TIMESTAMP WITH TIME ZONE)))"
                            + " AS s(content_hash, engine, headline, summary, created_at) ON t.content_hash = s.content_hash"
                            + " WHEN MATCHED THEN UPDATE SET engine = s.engine, headline = s.headline, summary = s.summary, created_at = s.created_at"
                            + " WHEN NOT MATCHED THEN INSERT (content_hash, engine, headline, summary, created_at)"
                            + " VALUES (s.content_hash, s.engine, s.headline, s.summary, s.created_at)")) {
                ps.setString(1, contentHash);
                ps.setString(2, engine);
                ps.setString(3, summary.headline());
                ps.setString(4, summary.summary());
                ps.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
