package dev.aidigest.store;

import dev.aidigest.search.Tokenizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes the postings of posts and digest items into table search_term, on the connection (and so in
 * the transaction) that stores them: a post or item is searchable exactly when it is stored. The text
 * indexed is read back from the rows just written, so what is found is what was stored (after clipping).
 * {@link SearchStore#catchUp} uses the same statements for rows stored before indexing was part of
 * storing.
 */
public final class SearchIndex {

    /** A post: its author's name and text, dated by when it was posted. */
    static final String POSTS = "SELECT id, author_name || ' ' || text, created_at FROM post";

    /** A digest item: headline, summary and authors, dated by its digest's window end (reports are not indexed). */
    static final String ITEMS = "SELECT di.id, di.headline || ' ' || di.summary || ' ' || COALESCE((SELECT"
            + " STRING_AGG(a.name, ' ' ORDER BY a.position) FROM digest_item_author a WHERE a.item_id = di.id), ''),"
            + " d.window_end FROM digest_item di JOIN digest d ON d.id = di.digest_id WHERE d.kind = 'digest'";

    private final Tokenizer tokenizer;

    public SearchIndex(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** With the bundled names, shared: the tokenizer loads its Chinese dictionary (~3 s) once per instance. */
    public static SearchIndex bundled() {
        return Bundled.INDEX;
    }

    private static final class Bundled {
        static final SearchIndex INDEX = new SearchIndex(new Tokenizer());
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** What one indexing statement did: how many documents, and the id of the last (0 for none). */
    public record Indexed(int docs, long last) {}

    /** Indexes the posts that {@code where} (a condition on table post) selects. */
    public Indexed posts(Connection c, String where, Object... args) throws SQLException {
        return index(c, 'p', POSTS + " WHERE " + where + " ORDER BY id", args);
    }

    /** Indexes the digest items that {@code where} (on {@code di}, {@code d}) selects. */
    public Indexed items(Connection c, String where, Object... args) throws SQLException {
        return index(c, 'i', ITEMS + " AND " + where + " ORDER BY di.id", args);
    }

    /** Runs {@code select} (id, text, time) and writes the postings of each row. */
    Indexed index(Connection c, char kind, String select, Object... args) throws SQLException {
        long last = 0;
        int docs = 0;
        try (PreparedStatement ps = c.prepareStatement(select);
                PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO search_term (term, doc_kind, doc_id, created_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Object[] array) {
                    ps.setArray(i + 1, c.createArrayOf("VARCHAR", array));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Instant at = Sql.time(rs, 3);
                    for (String term : tokenizer.documentTerms(rs.getString(2))) {
                        ins.setString(1, term);
                        ins.setString(2, String.valueOf(kind));
                        ins.setLong(3, id);
                        Sql.setTime(ins, 4, at);
                        ins.addBatch();
                    }
                    last = id;
                    docs++;
                }
            }
            ins.executeBatch();
        }
        if (docs > 0) {
            // the first postings of a database say which names made them (SearchStore compares at start)
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO search_cursor (doc_kind, last_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, SearchStore.ALIASES_ROW);
                ps.setLong(2, tokenizer.aliases().fingerprint());
                ps.executeUpdate();
            }
        }
        return new Indexed(docs, last);
    }
}
