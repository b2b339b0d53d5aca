package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.command.TopicSearch;
import dev.aidigest.search.Tokenizer;
import dev.aidigest.testing.TestDb;
import dev.aidigest.text.Aliases;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /topic across languages: a name finds the posts that write the same entity another way. */
class SearchAliasesTest {

    static final Instant T = Instant.parse("2025-11-26T00:00:00Z");

    Database db;

    Database open() {
        return TestDb.h2();
    }

    @BeforeEach
    void setUp() {
        db = open();
        SearchStoreTest.post(db, 1, "Nvidia's Q3 revenue beat expectations", T);
        SearchStoreTest.post(db, 2, "英伟达财报超预期，数据中心收入翻倍", T.plusSeconds(60));
        SearchStoreTest.post(db, 3, "OpenAI ships a new model", T.plusSeconds(120));
        SearchStoreTest.post(db, 4, "奥特曼说 GPT-5.1 更会聊天了", T.plusSeconds(180));
        SearchStoreTest.post(db, 5, "月之暗面发布 Kimi K2 Thinking", T.plusSeconds(240));
        SearchStoreTest.post(db, 6, "Moonshot AI open-sources Kimi K2; Qwen3-VL too", T.plusSeconds(300));
        SearchStoreTest.post(db, 7, "通义千问又更新了", T.plusSeconds(360));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static List<String> urls(TopicSearch.Page page) {
        return page.hits().stream()
                .map(h -> h.url().substring(h.url().lastIndexOf('/') + 1))
                .toList();
    }

    @Test
    void aChineseNameFindsTheEnglishPostsAndTheOtherWayRound() {
        SearchStore search = new SearchStore(db);
        assertThat(urls(search.search("英伟达", 1, 10))).containsExactly("2", "1");
        assertThat(urls(search.search("Nvidia", 1, 10))).containsExactly("2", "1");
        assertThat(urls(search.search("NVIDIA 财报", 1, 10))).containsExactly("2");
        assertThat(urls(search.search("月之暗面", 1, 10))).containsExactly("6", "5");
        assertThat(urls(search.search("moonshot-ai", 1, 10))).containsExactly("6", "5");
        assertThat(urls(search.search("千问", 1, 10))).as("Qwen3-VL is Qwen").containsExactly("7", "6");
    }

    @Test
    void aPersonIsNotTheirCompanyAndAVersionStaysSpecific() {
        SearchStore search = new SearchStore(db);
        assertThat(urls(search.search("Sam Altman", 1, 10))).containsExactly("4");
        assertThat(urls(search.search("OpenAI", 1, 10))).containsExactly("3");
        assertThat(urls(search.search("Qwen3", 1, 10))).containsExactly("6");
    }

    @Test
    void anIndexBuiltWithOtherAliasesIsRebuilt() {
        SearchStore plain = new SearchStore(db, new Tokenizer(Aliases.none()));
        assertThat(plain.catchUp())
                .as("every document indexed again, without the names")
                .isEqualTo(7);
        assertThat(urls(plain.search("英伟达", 1, 10))).containsExactly("2");

        SearchStore named = new SearchStore(db);
        assertThat(named.catchUp()).as("every document indexed again").isEqualTo(7);
        assertThat(urls(named.search("英伟达", 1, 10))).containsExactly("2", "1");
        assertThat(named.catchUp()).isZero();
    }
}
