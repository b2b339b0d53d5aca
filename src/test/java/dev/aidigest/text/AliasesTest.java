package dev.aidigest.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.text.Aliases.Entity;
import dev.aidigest.text.Aliases.Kind;
import dev.aidigest.text.Aliases.Match;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching rules on a small list built in code: boundaries, case, longest first, exceptions, org links. */
class AliasesTest {

    static final Aliases ALIASES = Aliases.of(List.of(
            new Entity("nvidia", Kind.COMPANY, List.of("Nvidia", "英伟达", "輝達"), null),
            new Entity("jensenhuang", Kind.PERSON, List.of("Jensen Huang", "黄仁勋", "老黄"), "nvidia"),
            new Entity(
                    "moonshotai",
                    Kind.COMPANY,
                    List.of("Moonshot AI", "Moonshot", "月之暗面"),
                    null,
                    Set.of("Moonshot"),
                    List.of()),
            new Entity("kimi", Kind.PRODUCT, List.of("Kimi"), "moonshotai"),
            new Entity("samaltman", Kind.PERSON, List.of("Sam Altman", "奥特曼", "山姆·奥特曼"), "openai"),
            new Entity("openai", Kind.COMPANY, List.of("OpenAI"), null),
            new Entity("apple", Kind.COMPANY, List.of("Apple", "苹果"), null, Set.of("Apple"), List.of("苹果汁", "吃苹果")),
            new Entity("claude", Kind.MODEL, List.of("Claude"), "anthropic", Set.of(), List.of("Claude Shannon")),
            new Entity("anthropic", Kind.COMPANY, List.of("Anthropic"), null),
            new Entity("claudecode", Kind.PRODUCT, List.of("Claude Code"), "anthropic"),
            new Entity("google", Kind.COMPANY, List.of("Google", "谷歌"), null),
            new Entity("googledeepmind", Kind.LAB, List.of("Google DeepMind", "DeepMind", "谷歌DeepMind"), "google"),
            new Entity("qwen", Kind.MODEL, List.of("Qwen", "通义千问", "千问"), null),
            new Entity("gpt", Kind.MODEL, List.of("GPT"), "openai"),
            new Entity("wan2.2", Kind.MODEL, List.of("Wan2.2"), null)));

    static List<String> ids(String text) {
        return ALIASES.find(text).stream().map(Match::id).toList();
    }

    @Test
    void latinNamesMatchOnWordBoundariesInAnyCase() {
        assertThat(ids("Nvidia's new chip")).containsExactly("nvidia");
        assertThat(ids("NVIDIA and nvidia")).containsExactly("nvidia", "nvidia");
        assertThat(ids("Nvidiaa is a typo")).isEmpty();
        assertThat(ids("the anvidia thing")).isEmpty();
        assertThat(ids("用Nvidia的卡")).containsExactly("nvidia");
        assertThat(ids("@nvidia #Nvidia")).containsExactly("nvidia", "nvidia");
    }

    @Test
    void separatorsInsideANameAreInterchangeable() {
        assertThat(ids("Moonshot AI, moonshot-ai, moonshot_ai and MOONSHOT  AI"))
                .containsOnly("moonshotai")
                .hasSize(4);
        assertThat(ids("Sam Altman and sam-altman")).containsExactly("samaltman", "samaltman");
        assertThat(ids("山姆·奥特曼说")).containsExactly("samaltman");
        assertThat(ids("山姆・奥特曼 and 山姆 · 奥特曼")).containsExactly("samaltman", "samaltman");
        assertThat(ids("谷歌 DeepMind 和谷歌DeepMind")).containsExactly("googledeepmind", "googledeepmind");
    }

    @Test
    void chineseNamesMatchAsSubstrings() {
        List<Match> m = ALIASES.find("据报道英伟达CEO黄仁勋表示");
        assertThat(m).extracting(Match::id).containsExactly("nvidia", "jensenhuang");
        assertThat(m.get(0)).isEqualTo(new Match("nvidia", 3, 6));
        assertThat("据报道英伟达CEO黄仁勋表示".substring(m.get(1).start(), m.get(1).end())).isEqualTo("黄仁勋");
    }

    @Test
    void offsetsPointIntoTheTextAsGiven() {
        String text = "Ｎｖｉｄｉａ and Moonshot  AI.";
        List<Match> m = ALIASES.find(text);
        assertThat(m).extracting(x -> text.substring(x.start(), x.end())).containsExactly("Ｎｖｉｄｉａ", "Moonshot  AI");
    }

    @Test
    void theLongestNameWinsAndNamesDoNotOverlap() {
        assertThat(ids("Google DeepMind released it")).containsExactly("googledeepmind");
        assertThat(ids("Google and DeepMind")).containsExactly("google", "googledeepmind");
        assertThat(ids("Claude Code is great")).containsExactly("claudecode");
        assertThat(ids("通义千问发布")).containsExactly("qwen");
    }

    @Test
    void findAllAlsoReportsNamesInsideLongerNames() {
        assertThat(ALIASES.findAll("Claude Code is great"))
                .extracting(Match::id)
                .containsExactlyInAnyOrder("claudecode", "claude");
        assertThat(ALIASES.idsIn("谷歌DeepMind")).containsExactlyInAnyOrder("googledeepmind", "google");
        assertThat(ALIASES.findAll("Claude Shannon")).isEmpty();
    }

    @Test
    void casedNamesMatchOnlyAsWritten() {
        assertThat(ids("Apple ships a model")).containsExactly("apple");
        assertThat(ids("an apple pie")).isEmpty();
        assertThat(ids("this is a moonshot")).isEmpty();
        assertThat(ids("Moonshot released Kimi")).containsExactly("moonshotai", "kimi");
    }

    @Test
    void exceptedWordsHideTheNameInside() {
        assertThat(ids("苹果发布了新模型")).containsExactly("apple");
        assertThat(ids("我喝了苹果汁")).isEmpty();
        assertThat(ids("每天吃苹果")).isEmpty();
        assertThat(ids("Claude Shannon invented information theory; Claude did not"))
                .containsExactly("claude");
    }

    @Test
    void aVersionMayFollowANameThatEndsInALetter() {
        assertThat(ids("Qwen3-VL and Qwen2.5")).containsExactly("qwen", "qwen");
        assertThat(ids("GPT-5.1 and GPT5")).containsExactly("gpt", "gpt");
        assertThat(ids("Wan2.2, Wan 2.2 and wan-2.2")).containsExactly("wan2.2", "wan2.2", "wan2.2");
        assertThat(ids("Wan2.25 and Wan2.2.1")).isEmpty();
    }

    @Test
    void idOfIgnoresCaseSpacesAndHyphensButNeedsTheWholeSurface() {
        assertThat(ALIASES.idOf("moonshot-ai")).contains("moonshotai");
        assertThat(ALIASES.idOf("MoonshotAI")).contains("moonshotai");
        assertThat(ALIASES.idOf("英伟达")).contains("nvidia");
        assertThat(ALIASES.idOf("apple")).contains("apple");
        assertThat(ALIASES.idOf("英伟达公司")).isEmpty();
        assertThat(ALIASES.idOf("苹果汁")).isEmpty();
    }

    @Test
    void anOrgIsALinkNotAName() {
        assertThat(ALIASES.orgOf("samaltman")).contains("openai");
        assertThat(ALIASES.orgOf("kimi")).contains("moonshotai");
        assertThat(ALIASES.orgOf("openai")).isEmpty();
        assertThat(ids("奥特曼")).containsExactly("samaltman");
        assertThat(ALIASES.idOf("奥特曼")).contains("samaltman");
        assertThat(ALIASES.surfaces("openai")).containsExactly("OpenAI");
        assertThat(ALIASES.surfaces("samaltman")).containsExactly("Sam Altman", "奥特曼", "山姆·奥特曼");
        assertThat(ALIASES.entity("kimi")).get().extracting(Entity::kind).isEqualTo(Kind.PRODUCT);
    }
}
