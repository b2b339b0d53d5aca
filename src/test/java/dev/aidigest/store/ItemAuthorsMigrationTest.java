package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.TestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written before V5 (authors as a JSON array column) keeps every item's names, in order,
 * once V5 has moved them into digest_item_author; {@link ItemAuthorsMigrationPostgresIT} runs it on
 * PostgreSQL.
 */
class ItemAuthorsMigrationTest {

    static final Instant END = Instant.parse("2025-11-26T08:00:00Z");

    @TempDir
    Path dir;

    String user = "";

    /** A database nothing has been migrated in yet. */
    String emptyDatabase() {
        return Database.h2FileUrl(dir);
    }

    @Test
    void existingItemsKeepTheirAuthorsInOrder() throws Exception {
        String url = emptyDatabase();
        Flyway.configure()
                .dataSource(url, user, "")
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        List<String> seven = List.of("宝玉", "向阳乔木", "merve", "clem 🤗", "小互", "Orange AI", "Ben Tossell");
        List<String> awkward = List.of("He said \"hi\"", "back\\slash", "a\",\"b", "tab\tname");
        // about the most the old 2,000-character column held
        List<String> full = IntStream.rangeClosed(1, 150)
                .mapToObj(i -> String.format("acct%03d", i))
                .toList();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            long digest = legacyDigest(c);
            legacyItem(c, digest, 1, json(seven));
            legacyItem(c, digest, 2, json(awkward));
            legacyItem(c, digest, 3, "[]");
            legacyItem(c, digest, 4, json(full));
            legacyItem(c, digest, 5, "not json");
        }

        try (Database db = Database.open(url, user, "")) {
            ArchivedDigest d =
                    new ArchiveStore(db).bySlot("digest", "2025.11.26.16").orElseThrow();

            assertThat(d.items()).extracting(ArchivedDigest.Item::position).containsExactly(1, 2, 3, 4, 5);
            assertThat(d.items().get(0).authors()).containsExactlyElementsOf(seven);
            assertThat(d.items().get(1).authors()).containsExactlyElementsOf(awkward);
            assertThat(d.items().get(2).authors()).isEmpty();
            assertThat(d.items().get(3).authors()).containsExactlyElementsOf(full);
            assertThat(d.items().get(4).authors()).containsExactly("not json");
            assertThat(TestDb.column(
                            db,
                            "SELECT column_name FROM information_schema.columns WHERE table_name = 'digest_item'"
                                    + " AND table_schema = CURRENT_SCHEMA"))
                    .contains("headline")
                    .doesNotContain("authors");
        }
    }

    private static String json(List<String> names) throws Exception {
        return Jackson.json().writeValueAsString(names);
    }

    private static long legacyDigest(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO digest (kind, slot, window_start, window_end, title, categories, markdown, engine,"
                        + " created_at, updated_at) VALUES ('digest', '2025.11.26.16', ?, ?, 't', '[]', '', 'offline', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, END.minusSeconds(4 * 3600).atOffset(ZoneOffset.UTC));
            ps.setObject(2, END.atOffset(ZoneOffset.UTC));
            ps.setObject(3, END.atOffset(ZoneOffset.UTC));
            ps.setObject(4, END.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void legacyItem(Connection c, long digest, int position, String authors) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO digest_item (digest_id, position, story_key, headline, summary, url, authors)"
                        + " VALUES (?, ?, ?, 'h', 's', 'https://x.com/a/status/1', ?)")) {
            ps.setLong(1, digest);
            ps.setInt(2, position);
            ps.setString(3, "k" + position);
            ps.setString(4, authors);
            ps.executeUpdate();
        }
    }
}
