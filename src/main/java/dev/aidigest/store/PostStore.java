package dev.aidigest.store;

import dev.aidigest.digest.Posts;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostSink;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Posts in the {@code post} table: what ingest adds and the digest pipeline reads. */
public final class PostStore implements PostSink, Posts {

    private static final String COLUMNS =
            "id, platform, platform_id, author_handle, author_name, text, created_at, url, lang,"
                    + " like_count, repost_count, reply_count, quote_count, impression_count, ref_type, ref_platform_id, ref_author,"
                    + " conversation_id, links, media, embedding";
    private static final int ID_CHUNK = 500;
    /** A row whose vector the model bound to the next parameter did not make (or that has none). */
    private static final String OUTDATED = "(embedding IS NULL OR embedding_model IS NULL OR embedding_model <> ?)";

    /** Column sizes of V1: a hostile feed entry is clipped to them rather than failing its whole batch. */
    static final int MAX_TEXT = 40_000;

    static final int MAX_LIST_JSON = 8_000;

    private final Database db;
    private final Clock clock;
    private final SearchIndex search;

    /** Indexed for search with the bundled names. */
    public PostStore(Database db, Clock clock) {
        this(db, clock, SearchIndex.bundled());
    }

    /** @param search writes each new post's search terms in the transaction that stores it */
    public PostStore(Database db, Clock clock, SearchIndex search) {
        this.db = db;
        this.clock = clock;
        this.search = search;
    }

    @Override
    public Set<String> known(String platform, Collection<String> platformIds) {
        Set<String> found = new HashSet<>();
        List<String> ids = new ArrayList<>(new HashSet<>(platformIds));
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT platform_id FROM post WHERE platform = ? AND platform_id = ANY(?)")) {
                    ps.setString(1, platform);
                    ps.setArray(2, c.createArrayOf("VARCHAR", chunk.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
        }
        return found;
    }

    @Override
    public int add(List<Post> posts, List<float[]> embeddings, String model) {
        if (posts.size() != embeddings.size()) {
            throw new IllegalArgumentException("one embedding per post");
        }
        Instant now = clock.instant();
        return db.transaction(c -> {
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO post (platform, platform_id, author_handle, author_name, text, created_at, url, lang,"
                            + " like_count, repost_count, reply_count, quote_count, impression_count, ref_type, ref_platform_id,"
                            + " ref_author, conversation_id, links, media, embedding, embedding_model, ingested_at)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
                for (int i = 0; i < posts.size(); i++) {
                    bind(ps, posts.get(i), embeddings.get(i), model, now);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                Map<String, List<String>> stored = new HashMap<>();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        added += counts[i];
                        Post p = posts.get(i);
                        stored.computeIfAbsent(p.platform(), k -> new ArrayList<>())
                                .add(p.platformId());
                    }
                }
                for (Map.Entry<String, List<String>> e : stored.entrySet()) {
                    search.posts(
                            c,
                            "platform = ? AND platform_id = ANY(?)",
                            e.getKey(),
                            e.getValue().toArray());
                }
            }
            return added;
        });
    }

    /** One indexed range on {@code created_at}: a window whose vectors are all current costs one query. */
    @Override
    public List<Outdated> outdatedVectors(Instant since, String model, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, text FROM post WHERE created_at >= ? AND "
                    + OUTDATED + " ORDER BY created_at, id LIMIT ?")) {
                ps.setObject(1, since.atOffset(ZoneOffset.UTC));
                ps.setString(2, model);
                ps.setInt(3, limit);
                List<Outdated> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Outdated(rs.getLong(1), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Vector and model name change together in one statement per row, so a process killed mid-way
     * leaves each post with its old vector and name or its new ones; the batch commits as a whole.
     */
    @Override
    public int renewVectors(List<Long> ids, List<float[]> vectors, String model) {
        if (ids.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per post");
        }
        if (vectors.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("a renewed vector is missing");
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return db.transaction(c -> {
            int renewed = 0;
            // the model test again: a post another process renewed meanwhile is not counted twice
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE post SET embedding = ?, embedding_model = ? WHERE id = ? AND " + OUTDATED)) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setBytes(1, Vectors.toBytes(vectors.get(i)));
                    ps.setString(2, model);
                    ps.setLong(3, ids.get(i));
                    ps.setString(4, model);
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    renewed += Math.max(n, 0);
                }
            }
            return renewed;
        });
    }

    private static void bind(PreparedStatement ps, Post p, float[] vector, String model, Instant now)
            throws SQLException {
        Post.Metrics m = p.metrics();
        Post.Reference r = p.reference();
        ps.setString(1, p.platform());
        ps.setString(2, p.platformId());
        ps.setString(3, p.authorHandle());
        ps.setString(4, p.authorName());
        ps.setString(5, clip(p.text(), MAX_TEXT));
        ps.setObject(6, p.createdAt().atOffset(ZoneOffset.UTC));
        ps.setString(7, clip(p.url(), 2000));
        ps.setString(8, p.lang());
        ps.setInt(9, m.likes());
        ps.setInt(10, m.reposts());
        ps.setInt(11, m.replies());
        ps.setInt(12, m.quotes());
        ps.setLong(13, m.impressions());
        ps.setString(14, r == null ? null : r.type());
        ps.setString(15, r == null ? null : r.platformId());
        ps.setString(16, r == null ? null : r.authorHandle());
        ps.setString(17, p.conversationId());
        ps.setString(18, Json.stringsWithin(p.links(), MAX_LIST_JSON));
        ps.setString(19, Json.stringsWithin(p.media(), MAX_LIST_JSON));
        if (vector == null) {
            ps.setNull(20, Types.BINARY);
            ps.setNull(21, Types.VARCHAR);
        } else {
            ps.setBytes(20, Vectors.toBytes(vector));
            ps.setString(21, model);
        }
        ps.setObject(22, now.atOffset(ZoneOffset.UTC));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public List<StoredPost> inWindow(Instant start, Instant end) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM post WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id")) {
                ps.setObject(1, start.atOffset(ZoneOffset.UTC));
                ps.setObject(2, end.atOffset(ZoneOffset.UTC));
                return list(ps);
            }
        });
    }

    /** Posts by row id, in the order asked. */
    @Override
    public List<StoredPost> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredPost> byId = new HashMap<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM post WHERE id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("BIGINT", ids.toArray()));
                list(ps).forEach(p -> byId.put(p.id(), p));
            }
            return null;
        });
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Map<String, Double> authorNorms(Instant since, Instant until) {
        // Median in Java: PERCENTILE_CONT differs between H2 and PostgreSQL, and the rows are few.
        Map<String, List<Double>> byAuthor = new HashMap<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT author_handle, like_count, repost_count, reply_count, quote_count FROM post"
                            + " WHERE created_at >= ? AND created_at < ? AND (ref_type IS NULL OR ref_type <> 'retweeted')")) {
                ps.setObject(1, since.atOffset(ZoneOffset.UTC));
                ps.setObject(2, until.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double e = new Post.Metrics(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), 0)
                                .engagement();
                        byAuthor.computeIfAbsent(
                                        rs.getString(1).toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                                .add(e);
                    }
                }
            }
            return null;
        });
        Map<String, Double> norms = new HashMap<>();
        byAuthor.forEach((author, values) -> {
            values.sort(Double::compare);
            int n = values.size();
            norms.put(author, n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2);
        });
        return norms;
    }

    public long count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM post");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Creation time of the newest post created at or before {@code upTo}, or null when there is none. */
    public Instant newestPostAt(Instant upTo) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(created_at) FROM post WHERE created_at <= ?")) {
                ps.setObject(1, upTo.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    return t == null ? null : t.toInstant();
                }
            }
        });
    }

    /** Creation time of the newest post, or null when there is none. */
    public Instant newestPostAt() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(created_at) FROM post");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        });
    }

    private static List<StoredPost> list(PreparedStatement ps) throws SQLException {
        List<StoredPost> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static StoredPost row(ResultSet rs) throws SQLException {
        String refType = rs.getString("ref_type");
        Post post = new Post(
                rs.getString("platform"),
                rs.getString("platform_id"),
                rs.getString("author_handle"),
                rs.getString("author_name"),
                rs.getString("text"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("url"),
                rs.getString("lang"),
                new Post.Metrics(
                        rs.getInt("like_count"),
                        rs.getInt("repost_count"),
                        rs.getInt("reply_count"),
                        rs.getInt("quote_count"),
                        rs.getLong("impression_count")),
                refType == null
                        ? null
                        : new Post.Reference(refType, rs.getString("ref_platform_id"), rs.getString("ref_author")),
                Json.strings(rs.getString("links")),
                Json.strings(rs.getString("media")),
                rs.getString("conversation_id"));
        return new StoredPost(rs.getLong("id"), post, Vectors.fromBytes(rs.getBytes("embedding")));
    }
}
