package dev.aidigest.testing;

import dev.aidigest.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A fresh in-memory H2 with the real migrations, and a way to store digests without DigestStore. */
public final class TestDb {

    private TestDb() {}

    public static Database h2() {
        return Database.open(
                "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
    }

    /** Stores a digest of {@code items} items like the seeds (bold phrases, Chinese, links); returns its id. */
    public static long insertDigest(Database db, String slot, Instant windowEnd, int items, int summaryChars) {
        return insertEdition(db, "digest", slot, windowEnd, items, summaryChars);
    }

    /** As {@link #insertDigest}, of kind {@code digest} or {@code report}. */
    public static long insertEdition(
            Database db, String kind, String slot, Instant windowEnd, int items, int summaryChars) {
        return db.transaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO digest (kind, slot, window_start, window_end, title,"
                            + " categories, markdown, engine, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', 'test-model', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind);
                ps.setString(2, slot);
                ps.setObject(3, windowEnd.minusSeconds(4 * 3600).atOffset(ZoneOffset.UTC));
                ps.setObject(4, windowEnd.atOffset(ZoneOffset.UTC));
                ps.setString(5, slot + " 过去4小时全球AI发生了什么？");
                ps.setString(6, "[\"AI模型\",\"AI应用\"]");
                ps.setObject(7, windowEnd.atOffset(ZoneOffset.UTC));
                ps.setObject(8, windowEnd.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            for (int i = 1; i <= items; i++) {
                long itemId;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO digest_item (digest_id, position, story_key, headline, summary, url)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, "story-" + slot + "-" + i);
                    ps.setString(4, "Black Forest Labs 发布 FLUX.2 <第" + i + "条> & 更多");
                    ps.setString(5, summary(i, summaryChars));
                    ps.setString(6, "https://x.com/merve/status/" + (1000 + i) + "?a=1&b=2");
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        itemId = rs.getLong(1);
                    }
                }
                int position = 1;
                for (String name : List.of("merve", "歸藏(guizang.ai)", "clem 🤗")) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO digest_item_author (item_id, position, name) VALUES (?, ?, ?)")) {
                        ps.setLong(1, itemId);
                        ps.setInt(2, position++);
                        ps.setString(3, name);
                        ps.executeUpdate();
                    }
                }
            }
            dev.aidigest.store.SearchIndex.bundled().items(c, "di.digest_id = ?", id); // as DigestStore does
            return id;
        });
    }

    static String summary(int i, int chars) {
        StringBuilder sb = new StringBuilder("merve 介绍了 **FLUX.2 第" + i + "版**，支持 4MP 输出 <b>不是标签</b> & 多参考图。");
        while (sb.length() < chars) {
            sb.append("这是一段用于测试长度的中文摘要文字，包含 **加粗短语** 与 a<b 这样的字符。");
        }
        return sb.toString();
    }

    public static List<String> column(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }
}
