package dev.aidigest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A user's aliases.yml replaces the bundled one; a broken one is refused with one line naming file, line and reason. */
class AliasFileTest {

    @TempDir
    Path dir;

    static final String GOOD = """
            # a comment
            - {id: nvidia, kind: company, names: [Nvidia, 英伟达]}
            - id: jensenhuang
              kind: person
              names: [Jensen Huang, 黄仁勋]
              org: nvidia
            """;

    @Test
    void aUsersFileReplacesTheBundledOne() throws IOException {
        Files.writeString(dir.resolve("aliases.yml"), GOOD);
        Aliases a = Aliases.load(dir);
        assertThat(a.entities()).extracting(Aliases.Entity::id).containsExactly("nvidia", "jensenhuang");
        assertThat(a.idOf("黄仁勋")).contains("jensenhuang");
        assertThat(a.idOf("谷歌")).isEmpty();
    }

    @Test
    void withoutAFileTheBundledListIsUsed() {
        Aliases a = Aliases.load(dir.resolve("missing"));
        assertThat(a).isSameAs(Aliases.bundled());
        assertThat(a.idOf("英伟达")).contains("nvidia");
    }

    @Test
    void anEmptyListMeansNoAliases() throws IOException {
        Files.writeString(dir.resolve("aliases.yml"), "[]\n");
        assertThat(Aliases.load(dir).find("英伟达 Nvidia")).isEmpty();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("- {id: nvidia, kind: company, names: [Nvidia, 英伟达]\n", 2, "not valid YAML"),
                Arguments.of("", 1, "the file is empty"),
                Arguments.of("nvidia: [Nvidia]\n", 1, "must be a list of entities"),
                Arguments.of("- Nvidia\n", 1, "an entity must be a mapping"),
                Arguments.of(GOOD + "- {kind: company, names: [Google]}\n", 7, "an entity without id"),
                Arguments.of(GOOD + "- {id: google, kind: company}\n", 7, "entity 'google' has no names"),
                Arguments.of(GOOD + "- {id: google, kind: company, names: []}\n", 7, "entity 'google' has no names"),
                Arguments.of(GOOD + "- {id: google, names: [Google]}\n", 7, "has no kind"),
                Arguments.of(GOOD + "- {id: google, kind: firm, names: [Google]}\n", 7, "kind 'firm' is not one of"),
                Arguments.of(
                        GOOD + "- {id: nvidia, kind: company, names: [NVDA]}\n",
                        7,
                        "duplicate id 'nvidia' (first at line 2)"),
                Arguments.of(
                        GOOD + "- {id: nvda, kind: company, names: [NVDA, 英伟达]}\n",
                        7,
                        "the name '英伟达' is claimed by both 'nvidia' (line 2) and 'nvda'"),
                Arguments.of(
                        GOOD + "- {id: geforce, kind: product, names: [GeForce], org: nvidla}\n",
                        7,
                        "org 'nvidla' of 'geforce' names no other entity"),
                Arguments.of(
                        GOOD + "- {id: google, kind: company, names: [Google], aka: [G]}\n", 7, "unknown key 'aka'"),
                Arguments.of(GOOD + "- {id: google, kind: company, names: Google}\n", 7, "names must be a list"),
                Arguments.of(GOOD + "- {id: google, kind: company, names: [[Google]]}\n", 7, "names must list names"),
                Arguments.of(
                        GOOD + "- {id: [google], kind: company, names: [Google]}\n", 7, "id must be a single word"),
                Arguments.of(
                        GOOD + "- {id: google, kind: company, org: , names: [Google]}\n", 7, "org must be a single"),
                Arguments.of(
                        GOOD + "- {id: google, id: goog, kind: company, names: [Google]}\n",
                        7,
                        "key 'id' is given twice"),
                Arguments.of(GOOD + "- {id: Google, kind: company, names: [Google]}\n", 7, "must be lower-case ASCII"),
                Arguments.of(GOOD + "- {id: goog, kind: company, names: [Google]}\n", 7, "e.g. 'google'"),
                Arguments.of(
                        GOOD + "- {id: xx, kind: company, names: [xx, X]}\n", 7, "'X' of 'xx' is shorter than two"),
                Arguments.of(
                        GOOD + "- {id: apple, kind: company, names: [Apple], cased: [APPLE]}\n",
                        7,
                        "cased 'APPLE' of 'apple' is not one of its names"),
                Arguments.of(
                        GOOD + "- {id: apple, kind: company, names: [Apple, 苹果], except: [香蕉派]}\n",
                        7,
                        "except '香蕉派' of 'apple' contains none of its names"),
                Arguments.of(
                        GOOD + "- {id: apple, kind: company, names: [Apple], except: [Nvidia]}\n",
                        7,
                        "except 'Nvidia' of 'apple' is a name of 'nvidia'"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void aBrokenFileIsRefusedWithOneLineNamingFileLineAndReason(String yaml, int line, String reason)
            throws IOException {
        Path file = dir.resolve("aliases.yml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> Aliases.load(dir))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith(file + " line " + line + ": ")
                        .contains(reason)
                        .doesNotContain("\n"));
    }

    @Test
    void entitiesBuiltInCodeAreCheckedToo() {
        assertThatThrownBy(() -> Aliases.of(
                        List.of(new Aliases.Entity("kimi", Aliases.Kind.PRODUCT, List.of("Kimi"), "moonshotai"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("aliases: org 'moonshotai' of 'kimi' names no other entity");
    }
}
