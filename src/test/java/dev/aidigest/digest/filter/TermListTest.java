package dev.aidigest.digest.filter;

import static dev.aidigest.digest.filter.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermListTest {

    private static final TermList LIST = TermList.of(
            List.of(
                    "# a comment: \"#\" and a space",
                    "#",
                    "#ad",
                    "airdrop",
                    "presale",
                    "~ wallet",
                    "rt+follow",
                    "空投",
                    "/(?-i)\\bGM\\b/",
                    "~/\\bclaim\\b/ trailing text after a regular expression is ignored"),
            "test");

    private static TermList.Hit score(TermList list, String text) {
        return list.score(PostFeatures.of(post(1, "someone", text).post()));
    }

    private static TermList.Hit score(String text) {
        return score(LIST, text);
    }

    @Test
    void aStrongEntryScoresTwoAWeakOneOne() {
        assertThat(score("Airdrop today").points()).isEqualTo(TermList.STRONG);
        assertThat(score("new wallet app").points()).isEqualTo(TermList.WEAK);
        assertThat(score("airdrop to your wallet").points()).isEqualTo(3);
        assertThat(score("airdrop to your wallet").strong()).isEqualTo(2);
        assertThat(score("airdrop to your wallet").evidence()).containsExactly("airdrop", "wallet");
    }

    @Test
    void latinEntriesMatchWholeWordsAndPlurals() {
        assertThat(score("three airdrops this week").points()).isEqualTo(2);
        assertThat(score("wallets everywhere").points()).isEqualTo(1);
        assertThat(score("walletconnect is a protocol").points()).isZero();
        assertThat(score("#adobe firefly 3").points())
                .as("a hashtag is whole too")
                .isZero();
        assertThat(score("Firefly 3 is out #ad").points()).isEqualTo(2);
    }

    @Test
    void chineseEntriesMatchAnywhereAndPlusIgnoresSpaces() {
        assertThat(score("今晚领空投啦").points()).isEqualTo(2);
        assertThat(score("RT + Follow to win").points()).isEqualTo(2);
        assertThat(score("RT+follow to win").points()).isEqualTo(2);
    }

    @Test
    void regularExpressionsSeeTheTextWithItsCase() {
        assertThat(score("GM frens").points()).isEqualTo(2);
        assertThat(score("gm is a company").points()).as("(?-i) keeps case").isZero();
        assertThat(score("Claim now").points()).isEqualTo(1);
    }

    @Test
    void entriesOnlyInsideQuotationMarksCountNothingInAPostThatReportsThem() {
        String report = "researchers found a new \"airdrop\" scam aimed at AI developers on X this week";
        assertThat(score(report).points()).isZero();
        assertThat(score("security teams keep warning us about “airdrop” and “空投” scams this month")
                        .points())
                .as("however many")
                .isZero();
        assertThat(score("a code span `airdrop` in a long enough post about the api client library")
                        .points())
                .isZero();
        assertThat(score(report + ", and here is an airdrop").points())
                .as("also outside")
                .isEqualTo(2);
    }

    @Test
    void aPostThatIsAllQuotationCountsWhatItQuotes() {
        assertThat(score("\"Claim your airdrop now\"").points()).isEqualTo(3);
        assertThat(score("the \"airdrop\" is back").points())
                .as("four words outside")
                .isEqualTo(2);
        assertThat(score("an \"unclosed airdrop mark quotes nothing at all in this long enough post")
                        .points())
                .isEqualTo(2);
    }

    @Test
    void theConfigTakesEntriesOutAndAddsSome() {
        assertThat(score(LIST, "presale opens").points()).isEqualTo(2);
        TermList edited = LIST.plus(List.of("!presale", "!~ wallet", "~ presale"), "config");
        assertThat(score(edited, "presale opens").points()).isEqualTo(1);
        assertThat(score(edited, "my wallet").points()).isZero();
    }

    @Test
    void aBrokenRegularExpressionNamesItsFileAndLine() {
        assertThatThrownBy(() -> LIST.plus(List.of("ok", "/(unclosed/"), "noise-terms.txt [spam]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise-terms.txt [spam]:2");
        assertThatThrownBy(() -> LIST.plus(List.of("/no end"), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closing '/'");
    }

    @Test
    void everyBundledListLoads() {
        for (String name : List.of(
                "injection.txt", "markup.txt", "spam.txt", "bait.txt", "promotion.txt", "chatter.txt", "news.txt")) {
            assertThat(TermList.bundled(name).size()).as(name).isGreaterThan(3);
        }
    }
}
