package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.command.TopicSearch;
import dev.aidigest.testing.TestDb;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchStoreTest {

    final Database db = TestDb.h2();
    final SearchStore search = new SearchStore(db);

    @AfterEach
    void close() {
        db.close();
    }

    /** A post stored as ingest stores it: through PostStore, which indexes it in the same transaction. */
    static void post(Database db, long n, String text, Instant at) {
        new PostStore(db, java.time.Clock.systemUTC())
                .add(
                        java.util.List.of(dev.aidigest.testing.Posts.x(String.valueOf(n), "merve", "merve", text, at)),
                        java.util.Collections.singletonList(null),
                        "none");
    }

    @Test
    void findsPostsAndDigestItemsNewestFirstCaseInsensitively() {
        Instant t = Instant.parse("2025-11-26T00:00:00Z");
        post(db, 1, "FLUX.2 is out: 4MP images", t);
        post(db, 2, "flux 2 is not the same token", t.plusSeconds(60));
        post(db, 3, "黑森林实验室发布 FLUX.2 图像生成模型", t.plusSeconds(120));
        post(db, 4, "Qwen3-VL 开源", t.plusSeconds(180));
        TestDb.insertDigest(db, "2025.11.26.16", t.plusSeconds(3600), 2, 50);
        assertThat(search.catchUp())
                .as("stored is indexed: nothing to catch up")
                .isZero();

        TopicSearch.Page page = search.search("flux.2", 1, 10);
        assertThat(page.hits()).extracting(TopicSearch.Hit::kind).containsExactly("item", "item", "post", "post");
        assertThat(page.hits().get(2).url()).isEqualTo("https://x.com/merve/status/3");
        assertThat(page.hits()).noneMatch(h -> h.url().endsWith("/2"));
        assertThat(search.search("图像生成", 1, 10).hits())
                .extracting(TopicSearch.Hit::url)
                .containsExactly("https://x.com/merve/status/3");
        assertThat(search.search("qwen3", 1, 10).hits()).hasSize(1);
        assertThat(search.search("没有这个词", 1, 10).hits()).isEmpty();
    }

    @Test
    void pagesKnowWhetherMoreFollow() {
        Instant t = Instant.parse("2025-11-26T00:00:00Z");
        for (int i = 0; i < 7; i++) {
            post(db, i, "Gemini 3 post " + i, t.plusSeconds(i));
        }
        assertThat(search.search("gemini", 1, 5).more()).isTrue();
        TopicSearch.Page second = search.search("Gemini", 2, 5);
        assertThat(second.hits()).hasSize(2);
        assertThat(second.more()).isFalse();
        assertThat(second.hits().get(1).url()).endsWith("/0");
    }

    @Test
    void aPostIsFoundAsSoonAsItIsStoredAndAReimportAddsNoSecondPosting() {
        post(db, 1, "Claude Opus 4.5", Instant.parse("2025-11-26T00:00:00Z"));
        assertThat(search.search("claude", 1, 5).hits()).hasSize(1);
        post(db, 1, "Claude Opus 4.5", Instant.parse("2025-11-26T00:00:00Z")); // already stored: not new
        post(db, 2, "Claude again", Instant.parse("2025-11-26T01:00:00Z"));
        TopicSearch.Page page = search.search("claude", 1, 5);
        assertThat(page.hits()).hasSize(2);
        assertThat(page.catchingUp()).isFalse();
    }
}
