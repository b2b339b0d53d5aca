package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.command.TopicSearch;
import dev.aidigest.search.Tokenizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * /topic over the inverted index in table search_term. {@link #indexNew} adds posts and digest items
 * written since it last ran (it keeps its place in search_cursor), so the stores that write them need
 * not know about search. A query walks the postings of its rarest term newest first and checks the
 * other terms by primary key, which keeps it fast whatever the table size.
 *
 * <p>The index holds entity terms made from the configured aliases, so it is only right for the
 * aliases it was built with: their fingerprint is kept in search_cursor (row {@code doc_kind = 'a'}),
 * and when it differs (new aliases.yml, or an index from before entity terms) the index is emptied
 * and rebuilt by the same {@link #indexNew}. Processes sharing a database should share aliases.yml.
 */
public final class SearchStore implements TopicSearch {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchStore.class);

    private static final int BATCH = 2000;
    private static final int RARITY_CAP =
            1_000; // enough to tell a rare term from a common one; counting more costs time

    private final Database db;
    private final Tokenizer tokenizer;

    public SearchStore(Database db) {
        this(db, new Tokenizer());
    }

    public SearchStore(Database db, Tokenizer tokenizer) {
        this.db = db;
        this.tokenizer = tokenizer;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Indexes posts and digest items added since the last call; returns how many documents. The
     * postings and the cursor move in one transaction; if another process indexed the same rows at the
     * same moment, the unique index refuses ours and the next call goes on from its cursor.
     */
    public synchronized int indexNew() {
        try {
            return indexAll();
        } catch (DatabaseException e) {
            log.info("search indexing deferred: {}", e.getMessage());
            return 0;
        }
    }

    /** The search_cursor row that holds the aliases fingerprint instead of a document id. */
    static final String ALIASES_ROW = "a";

    private int indexAll() {
        rebuildIfNamesChanged();
        int n = 0;
        int batch;
        do {
            batch = indexBatch(
                    'p',
                    "SELECT id, author_name || ' ' || text, created_at FROM post WHERE id > ? ORDER BY id LIMIT "
                            + BATCH);
            n += batch;
        } while (batch == BATCH);
        int items = 0;
        do {
            batch = indexBatch(
                    'i',
                    "SELECT di.id, di.headline || ' ' || di.summary || ' ' || COALESCE((SELECT STRING_AGG(a.name, ' '"
                            + " ORDER BY a.position) FROM digest_item_author a WHERE a.item_id = di.id), ''), d.window_end"
                            + " FROM digest_item di JOIN digest d ON d.id = di.digest_id WHERE di.id > ? AND d.kind = 'digest'" // a report's key points repeat digest items
                            + " ORDER BY di.id LIMIT " + BATCH);
            items += batch;
        } while (batch == BATCH);
        return n + items;
    }

    private int indexBatch(char kind, String select) {
        return db.transaction(c -> {
            long from = cursor(c, kind);
            long last = from;
            int docs = 0;
            try (PreparedStatement ps = c.prepareStatement(select);
                    PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO search_term (term, doc_kind, doc_id, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, from);
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
                if (update(c, "UPDATE search_cursor SET last_id = ? WHERE doc_kind = ?", last, String.valueOf(kind))
                        == 0) {
                    update(
                            c,
                            "INSERT INTO search_cursor (doc_kind, last_id) VALUES (?, ?)",
                            String.valueOf(kind),
                            last);
                }
            }
            return docs;
        });
    }

    private void rebuildIfNamesChanged() {
        long fingerprint = tokenizer.aliases().fingerprint();
        db.transaction(c -> {
            Long stored = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_id FROM search_cursor WHERE doc_kind = ?")) {
                ps.setString(1, ALIASES_ROW);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        stored = rs.getLong(1);
                    }
                }
            }
            if (stored != null && stored == fingerprint) {
                return 0;
            }
            int dropped = update(c, "DELETE FROM search_term");
            update(c, "DELETE FROM search_cursor");
            update(c, "INSERT INTO search_cursor (doc_kind, last_id) VALUES (?, ?)", ALIASES_ROW, fingerprint);
            if (dropped > 0) {
                log.info("search index rebuilt: the aliases it was built with changed");
            }
            return dropped;
        });
    }

    private static long cursor(Connection c, char kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id FROM search_cursor WHERE doc_kind = ?")) {
            ps.setString(1, String.valueOf(kind));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public Page search(String query, int page, int pageSize) {
        List<String> terms = tokenizer.queryTerms(query);
        if (terms.isEmpty()) {
            return new Page(List.of(), false);
        }
        return db.read(c -> {
            List<String> ordered = byRarity(c, terms);
            if (ordered.isEmpty()) {
                return new Page(List.of(), false);
            }
            // Items of a rebuilt digest were replaced by new rows: their old postings are skipped here.
            StringBuilder sql = new StringBuilder("SELECT t0.doc_kind, t0.doc_id FROM search_term t0 WHERE t0.term = ?"
                    + " AND (t0.doc_kind = 'p' OR EXISTS (SELECT 1 FROM digest_item di WHERE di.id = t0.doc_id))");
            for (int i = 1; i < ordered.size(); i++) {
                String t = "t" + i;
                sql.append(" AND EXISTS (SELECT 1 FROM search_term ")
                        .append(t)
                        .append(" WHERE ")
                        .append(t)
                        .append(".term = ? AND ")
                        .append(t)
                        .append(".created_at = t0.created_at AND ")
                        .append(t)
                        .append(".doc_id = t0.doc_id AND ")
                        .append(t)
                        .append(".doc_kind = t0.doc_kind)");
            }
            // ordered exactly like search_term_idx (term first), so H2 and PostgreSQL walk it and stop early
            sql.append(" ORDER BY t0.term, t0.created_at DESC, t0.doc_id DESC, t0.doc_kind LIMIT ? OFFSET ?");
            List<Hit> hits = new ArrayList<>();
            boolean more = false;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (String t : ordered) {
                    ps.setString(i++, t);
                }
                ps.setInt(i++, pageSize + 1);
                ps.setInt(i, (page - 1) * pageSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (hits.size() == pageSize) {
                            more = true;
                            break;
                        }
                        Hit h = hit(c, rs.getString(1).charAt(0), rs.getLong(2));
                        if (h != null) {
                            hits.add(h);
                        }
                    }
                }
            }
            return new Page(hits, more);
        });
    }

    /** The terms rarest first; empty when one of them is in no document at all. */
    private static List<String> byRarity(Connection c, List<String> terms) throws SQLException {
        if (terms.size() == 1) {
            return terms;
        }
        List<long[]> counts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM (SELECT 1 FROM search_term WHERE term = ? LIMIT " + RARITY_CAP + ") x")) {
            for (int i = 0; i < terms.size(); i++) {
                ps.setString(1, terms.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return List.of();
                    }
                    counts.add(new long[] {rs.getLong(1), i});
                }
            }
        }
        counts.sort(Comparator.comparingLong(a -> a[0]));
        return counts.stream().map(a -> terms.get((int) a[1])).toList();
    }

    private static Hit hit(Connection c, char kind, long id) throws SQLException {
        String sql = kind == 'i'
                ? "SELECT di.headline, di.url, d.window_end FROM digest_item di JOIN digest d ON d.id = di.digest_id WHERE di.id = ?"
                : "SELECT author_name || '：' || text, url, created_at, platform_id, author_handle FROM post WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String title = oneLine(rs.getString(1), 80);
                String url = rs.getString(2);
                if (url == null && kind == 'p') {
                    url = "https://x.com/" + rs.getString(5) + "/status/" + rs.getString(4);
                }
                return new Hit(kind == 'i' ? "item" : "post", title, url, Sql.time(rs, 3));
            }
        }
    }

    private static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }

    /** For follows: whether {@code text} contains every term of {@code words}. */
    public boolean matches(String words, String text) {
        Set<String> doc = tokenizer.documentTerms(text);
        List<String> q = tokenizer.queryTerms(words);
        return !q.isEmpty() && doc.containsAll(q);
    }
}
