package dev.aidigest.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.config.ConfigException;
import dev.aidigest.delivery.FollowMatch;
import dev.aidigest.search.TermMatch;
import dev.aidigest.search.Tokenizer;
import dev.aidigest.text.Aliases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicCategoriesTest {

    static final FollowMatch NAMES = new TermMatch(new Tokenizer(Aliases.bundled()));

    static TopicCategories parse(String yaml) {
        return TopicCategories.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "topics.yml");
    }

    @Test
    void theBundledCategoriesAreFoundByNameOrAlsoNameInAnyCase() {
        TopicCategories c = TopicCategories.bundled();
        assertThat(c.all()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(c.find("视频生成")).map(TopicCategories.Category::name).contains("视频生成");
        assertThat(c.find("VIDEO")).map(TopicCategories.Category::name).contains("视频生成");
        assertThat(c.find(" robotics ")).map(TopicCategories.Category::name).contains("机器人");
        assertThat(c.find("量子计算")).isEmpty();
    }

    @Test
    void aCategoryMatchesAnyOfItsWordsByAliasesAndAnyOtherTopicAsItself() {
        FollowMatch m = TopicCategories.bundled().expanding(NAMES);
        assertThat(m.matches("视频生成", "Kling 2.6 adds native audio")).isTrue(); // 可灵 = Kling
        assertThat(m.matches("视频生成", "OpenAI 的 Sora 上线安卓")).isTrue();
        assertThat(m.matches("视频生成", "Nvidia 财报超预期")).isFalse();
        assertThat(m.matches("芯片", "英伟达发布新 GPU")).isTrue();
        assertThat(m.matches("英伟达", "Nvidia beats estimates"))
                .as("no category: the topic itself")
                .isTrue();
        assertThat(m.matches("英伟达", "Sora comes to Android")).isFalse();
    }

    @Test
    void aFileInTheConfigDirectoryReplacesTheBundledOne(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve(TopicCategories.FILE),
                "categories:\n  - {name: 量子, also: [quantum], words: [量子计算, quantum computing, qubit]}\n");
        TopicCategories c = TopicCategories.load(dir);
        assertThat(c.all())
                .singleElement()
                .extracting(TopicCategories.Category::name)
                .isEqualTo("量子");
        assertThat(c.find("视频生成")).isEmpty();
        assertThat(c.expanding(NAMES).matches("Quantum", "Google's new qubit chip"))
                .isTrue();
        assertThat(TopicCategories.load(dir.resolve("nowhere")).find("视频生成")).isPresent();
    }

    @Test
    void aBrokenFileIsRefusedWithTheLineAndTheReason() {
        assertThatThrownBy(() -> parse("categories:\n  - name: a\n    wrds: [x]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("topics.yml: category 1: unknown key 'wrds' (known: also, name, words)");
        assertThatThrownBy(() -> parse("categories:\n  - {name: a, words: []}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("topics.yml: category 1 ('a'): 'words' must be a list of words");
        assertThatThrownBy(() -> parse("categories:\n  - {words: [x]}\n"))
                .hasMessage("topics.yml: category 1: 'name' is missing");
        assertThatThrownBy(
                        () -> parse("categories:\n  - {name: a, also: [B], words: [x]}\n  - {name: b, words: [y]}\n"))
                .hasMessage("topics.yml: category 2 ('b'): 'b' is already a name of 'a'");
        assertThatThrownBy(() -> parse("categories: [unclosed\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("topics.yml: line ");
        assertThat(parse("").all()).isEmpty();
    }
}
