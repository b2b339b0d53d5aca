package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import dev.aidigest.command.CommandCatalog;
import dev.aidigest.command.CommandRequest;
import dev.aidigest.command.TopicCommand;
import dev.aidigest.command.TopicSearch;
import dev.aidigest.testing.TestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database from before search was indexed on write: its posts are indexed once by the catch-up, and
 * until then search says it is catching up instead of finding nothing; what is stored afterwards is found
 * at once.
 */
class SearchCatchUpTest {

    static final Instant T = Instant.parse("2025-11-26T00:00:00Z");

    final String url = "jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** The schema before indexing on write (V5), with posts stored the old way: no postings. */
    void olderDatabaseWithPosts(int n) throws Exception {
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .target("5")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO post (platform, platform_id, author_handle,"
                                + " author_name, text, created_at, url, ingested_at) VALUES ('x', ?, 'merve', 'merve', ?, ?, ?, ?)")) {
            for (int i = 1; i <= n; i++) {
                ps.setString(1, String.valueOf(i));
                ps.setString(2, "FLUX.2 post number " + i);
                ps.setObject(3, T.plusSeconds(i).atOffset(ZoneOffset.UTC));
                ps.setString(4, "https://x.com/merve/status/" + i);
                ps.setObject(5, T.atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        db = Database.open(url, "sa", ""); // migrates on: records what the catch-up has to index
    }

    @Test
    void anOlderDatabaseIsIndexedOnceAndMeanwhileSearchSaysItIsCatchingUp() throws Exception {
        olderDatabaseWithPosts(5);
        SearchStore search = new SearchStore(db);

        TopicSearch.Page before = search.search("flux.2", 1, 10);
        assertThat(before.hits()).isEmpty();
        assertThat(before.catchingUp()).isTrue();
        assertThat(before.indexedPercent()).isZero();
        Reply told =
                new TopicCommand(CommandCatalog.load(), search, ZoneId.of("Asia/Shanghai")).handle(request("flux.2"));
        assertThat(told.plainText()).contains("搜索索引仍在补建").doesNotContain("没有找到");

        assertThat(search.catchUp()).isEqualTo(5);
        TopicSearch.Page after = search.search("flux.2", 1, 10);
        assertThat(after.hits()).hasSize(5);
        assertThat(after.catchingUp()).isFalse();
        assertThat(search.catchUp()).as("once").isZero();
        assertThat(TestDb.column(db, "SELECT COUNT(DISTINCT doc_id) FROM search_term WHERE doc_kind = 'p'"))
                .containsExactly("5");
    }

    @Test
    void whatIsStoredWhileTheCatchUpIsPendingIsFoundAtOnce() throws Exception {
        olderDatabaseWithPosts(3);
        SearchStore search = new SearchStore(db);
        new PostStore(db, Clock.systemUTC())
                .add(
                        java.util.List.of(dev.aidigest.testing.Posts.x("99", "clem", "clem", "Gemini 3 is out", T)),
                        java.util.Collections.singletonList(null),
                        "none");
        TopicSearch.Page page = search.search("gemini", 1, 10);
        assertThat(page.hits()).extracting(TopicSearch.Hit::url).containsExactly("https://x.com/clem/status/99");
        assertThat(page.catchingUp()).as("the older posts are not indexed yet").isTrue();

        assertThat(search.catchUp()).as("only the older posts").isEqualTo(3);
        assertThat(search.search("gemini", 1, 10).hits()).hasSize(1);
    }

    @Test
    void aCatchUpToldToStopStopsBetweenBatchesAndTheNextGoesOnFromItsCursor() throws Exception {
        olderDatabaseWithPosts(2);
        SearchStore search = new SearchStore(db);
        assertThat(search.catchUp(() -> false)).isZero();
        assertThat(search.search("flux.2", 1, 10).catchingUp()).isTrue();
        assertThat(search.catchUp()).isEqualTo(2);
        assertThat(search.search("flux.2", 1, 10).hits()).hasSize(2);
    }

    static CommandRequest request(String args) {
        return new CommandRequest(new ChatRef("telegram", "1", ChatRef.Kind.PRIVATE), "u", args, 1, () -> false, "zh");
    }
}
