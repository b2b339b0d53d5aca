package dev.aidigest.store;

import static dev.aidigest.store.SubscriptionStore.update;

import dev.aidigest.command.TopicSearch;
import dev.aidigest.search.Tokenizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * /topic over the inverted index in table search_term. Posts and digest items are indexed when they are
 * stored ({@link SearchIndex}, in the storing transaction); {@link #catchUp} indexes, once, what a
 * database held before that (up to the ids the migration recorded in search_cursor as 'P' and 'I'),
 * keeping its place in the cursors 'p' and 'i'. Until it is done, every page says how far it got. A
 * query walks the postings of its rarest term newest first and checks the other terms by primary key,
 * which keeps it fast whatever the table size.
 *
 * <p>The index holds entity terms made from the configured aliases, so it is only right for the
 * aliases it was built with: their fingerprint is kept in search_cursor (row {@code doc_kind = 'a'}),
 * and when it differs (a new aliases.yml) {@link #catchUp} empties the index and indexes everything
 * stored so far again, while new rows are indexed on write with the new names. Processes sharing a
 * database should share aliases.yml.
 */
public final class SearchStore implements TopicSearch {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchStore.class);

    private static final int BATCH = 2000;
    private static final int RARITY_CAP =
            1_000; // enough to tell a rare term from a common one; counting more costs time

    private final Database db;
    private final SearchIndex index;
    private volatile boolean current;

    public SearchStore(Database db) {
        this(db, SearchIndex.bundled());
    }

    public SearchStore(Database db, Tokenizer tokenizer) {
        this(db, new SearchIndex(tokenizer));
    }

    /** @param index the same index the stores write on storing */
    public SearchStore(Database db, SearchIndex index) {
        this.db = db;
        this.index = index;
    }

    public Tokenizer tokenizer() {
        return index.tokenizer();
    }

    /** The search_cursor row that holds the aliases fingerprint instead of a document id. */
    static final String ALIASES_ROW = "a";

    /**
     * Indexes what was stored before indexing on write, or all of it again after the aliases changed;
     * returns how many documents. Runs at the start of {@code serve}, in the background; search works
     * meanwhile and says it is catching up. Each batch and its cursor move in one transaction; if
     * another process indexed the same rows at the same moment, the unique index refuses ours and the
     * next batch goes on from its cursor.
     *
     * @param keepGoing false stops between two batches (shutdown); the next start goes on from there
     */
    public synchronized int catchUp(java.util.function.BooleanSupplier keepGoing) {
        int n = 0;
        int failures = 0;
        try {
            rebuildIfNamesChanged();
            while (keepGoing.getAsBoolean()) {
                try {
                    int batch = catchUpBatch('p', 'P') + catchUpBatch('i', 'I');
                    if (batch == 0) {
                        break;
                    }
                    n += batch;
                } catch (DatabaseException e) {
                    if (++failures > 5) {
                        throw e;
                    }
                    log.info("search catch-up: batch refused ({}), going on from the cursor", e.getMessage());
                }
            }
        } catch (DatabaseException e) {
            log.info("search catch-up deferred to the next start: {}", e.getMessage());
        }
        return n;
    }

    /** As {@link #catchUp(java.util.function.BooleanSupplier)}, to the end. */
    public int catchUp() {
        return catchUp(() -> true);
    }

    private int catchUpBatch(char cursorRow, char boundRow) {
        return db.transaction(c -> {
            long from = row(c, cursorRow);
            long until = row(c, boundRow);
            if (from >= until) {
                return 0;
            }
            String range =
                    (cursorRow == 'p' ? "id" : "di.id") + " > ? AND " + (cursorRow == 'p' ? "id" : "di.id") + " <= ?";
            SearchIndex.Indexed done = cursorRow == 'p'
                    ? index.index(
                            c, 'p', SearchIndex.POSTS + " WHERE " + range + " ORDER BY id LIMIT " + BATCH, from, until)
                    : index.index(
                            c,
                            'i',
                            SearchIndex.ITEMS + " AND " + range + " ORDER BY di.id LIMIT " + BATCH,
                            from,
                            until);
            // a short batch reached the bound: the ids up to it that were not selected are gaps (or reports)
            long reached = done.docs() < BATCH ? until : done.last();
            setRow(c, cursorRow, reached);
            return Math.max(1, done.docs()); // the cursor moved: not yet "nothing left"
        });
    }

    /**
     * How much of what is stored the index holds, in percent of the catch-up ranges; 100 when there is
     * nothing to catch up (then it is not asked again: once caught up, only the aliases changing at a
     * start could make it fall behind, and that start catches up before it answers).
     */
    public int indexedPercent() {
        if (current) {
            return 100;
        }
        int percent = db.read(c -> {
            long p = row(c, 'p');
            long bigP = row(c, 'P');
            long i = row(c, 'i');
            long bigI = row(c, 'I');
            long total = bigP + bigI;
            long done = Math.min(p, bigP) + Math.min(i, bigI);
            if (done >= total) {
                return 100;
            }
            return (int) Math.min(99, done * 100 / total);
        });
        current = percent == 100;
        return percent;
    }

    private void rebuildIfNamesChanged() {
        long fingerprint = tokenizer().aliases().fingerprint();
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
            if (stored == null) {
                // nothing indexed yet: what is indexed from now on is indexed with these names
                setRow(c, ALIASES_ROW.charAt(0), fingerprint);
                return 0;
            }
            if (stored == fingerprint) {
                return 0;
            }
            int dropped = update(c, "DELETE FROM search_term");
            update(c, "DELETE FROM search_cursor");
            update(c, "INSERT INTO search_cursor (doc_kind, last_id) VALUES (?, ?)", ALIASES_ROW, fingerprint);
            update(c, "INSERT INTO search_cursor (doc_kind, last_id) SELECT 'P', COALESCE(MAX(id), 0) FROM post");
            update(
                    c,
                    "INSERT INTO search_cursor (doc_kind, last_id) SELECT 'I', COALESCE(MAX(id), 0) FROM digest_item");
            current = false;
            log.info("search index rebuilt: the aliases it was built with changed; indexing again");
            return dropped;
        });
    }

    private static long row(Connection c, char kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id FROM search_cursor WHERE doc_kind = ?")) {
            ps.setString(1, String.valueOf(kind));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void setRow(Connection c, char kind, long value) throws SQLException {
        if (update(c, "UPDATE search_cursor SET last_id = ? WHERE doc_kind = ?", value, String.valueOf(kind)) == 0) {
            update(c, "INSERT INTO search_cursor (doc_kind, last_id) VALUES (?, ?)", String.valueOf(kind), value);
        }
    }

    @Override
    public Page search(String query, int page, int pageSize, TimeRange range) {
        List<String> terms = tokenizer().queryTerms(query);
        int indexed = indexedPercent();
        if (terms.isEmpty()) {
            return new Page(List.of(), false, indexed);
        }
        return db.read(c -> {
            List<String> ordered = byRarity(c, terms);
            if (ordered.isEmpty()) {
                return new Page(List.of(), false, indexed);
            }
            // Items of a rebuilt digest were replaced by new rows: their old postings are skipped here.
            StringBuilder sql = new StringBuilder("SELECT t0.doc_kind, t0.doc_id FROM search_term t0 WHERE t0.term = ?"
                    + " AND (t0.doc_kind = 'p' OR EXISTS (SELECT 1 FROM digest_item di WHERE di.id = t0.doc_id))");
            // a range on the index's second column: both databases still walk search_term_idx from the newest
            if (range.since() != null) {
                sql.append(" AND t0.created_at >= ?");
            }
            if (range.until() != null) {
                sql.append(" AND t0.created_at < ?");
            }
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
                ps.setString(i++, ordered.get(0));
                if (range.since() != null) {
                    Sql.setTime(ps, i++, range.since());
                }
                if (range.until() != null) {
                    Sql.setTime(ps, i++, range.until());
                }
                for (String t : ordered.subList(1, ordered.size())) {
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
            return new Page(hits, more, indexed);
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
                ? "SELECT di.headline, di.url, d.window_end, d.slot, di.position FROM digest_item di JOIN digest d ON d.id = di.digest_id WHERE di.id = ?"
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
                String story = kind == 'i' ? rs.getString(4) + "#" + rs.getInt(5) : storyOfPost(c, id);
                return new Hit(kind == 'i' ? "item" : "post", title, url, Sql.time(rs, 3), story);
            }
        }
    }

    /** The newest digest item a post is part of, as {@code slot#position}; null when none. */
    private static String storyOfPost(Connection c, long postId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.slot, di.position FROM digest_item_post p"
                + " JOIN digest_item di ON di.id = p.item_id JOIN digest d ON d.id = di.digest_id"
                + " WHERE p.post_id = ? AND d.kind = 'digest' ORDER BY d.window_end DESC LIMIT 1")) {
            ps.setLong(1, postId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) + "#" + rs.getInt(2) : null;
            }
        }
    }

    private static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }

    /** For follows: whether {@code text} contains every term of {@code words}. */
    public boolean matches(String words, String text) {
        Set<String> doc = tokenizer().documentTerms(text);
        List<String> q = tokenizer().queryTerms(words);
        return !q.isEmpty() && doc.containsAll(q);
    }
}
