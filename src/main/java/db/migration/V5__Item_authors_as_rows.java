package db.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.json.Jackson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A digest item's authors become rows of {@code digest_item_author} (item, position, name), so a
 * story told by any number of accounts fits; the JSON array column {@code digest_item.authors}
 * (2,000 characters, about 100 names) is copied over and dropped.
 *
 * <p>Java rather than SQL because the old column holds JSON, and H2 and PostgreSQL share no function
 * that splits a JSON array: here Jackson reads every row exactly, escaped quotes included. The DDL is
 * plain SQL that runs unchanged on both.
 */
public final class V5__Item_authors_as_rows extends BaseJavaMigration {

    /** As long as {@code post.author_name}, where every name comes from. */
    static final int NAME_CHARS = 200;

    private static final int BATCH = 1000;

    static final String CREATE = "CREATE TABLE digest_item_author ("
            + " item_id  BIGINT       NOT NULL REFERENCES digest_item (id) ON DELETE CASCADE,"
            + " position INTEGER      NOT NULL," // 1 = most relevant (the lead post's author)
            + " name     VARCHAR(200) NOT NULL,"
            + " PRIMARY KEY (item_id, position))";

    private final ObjectMapper json = Jackson.json();

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
        }
        try (Statement read = c.createStatement();
                ResultSet rs = read.executeQuery("SELECT id, authors FROM digest_item ORDER BY id");
                PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO digest_item_author (item_id, position, name) VALUES (?, ?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                long item = rs.getLong(1);
                int position = 1;
                for (String name : names(rs.getString(2))) {
                    ins.setLong(1, item);
                    ins.setInt(2, position++);
                    ins.setString(3, name);
                    ins.addBatch();
                    if (++pending == BATCH) {
                        ins.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ins.executeBatch();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE digest_item DROP COLUMN authors");
        }
    }

    /**
     * The names of one stored array, in order. A value that is not a JSON array of strings (never
     * written by the application, but a migration must not stop a start) is kept as one name.
     */
    List<String> names(String stored) {
        List<String> out = new ArrayList<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        JsonNode array;
        try {
            array = json.readTree(stored);
        } catch (JsonProcessingException e) {
            array = null;
        }
        if (array == null || !array.isArray()) {
            out.add(clip(stored.strip()));
            return out;
        }
        for (JsonNode n : array) {
            if (!n.isNull()) {
                out.add(clip(n.asText()));
            }
        }
        return out;
    }

    private static String clip(String s) {
        if (s.length() <= NAME_CHARS) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(NAME_CHARS - 1)) ? NAME_CHARS - 1 : NAME_CHARS;
        return s.substring(0, end);
    }
}
