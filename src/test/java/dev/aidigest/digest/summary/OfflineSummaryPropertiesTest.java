package dev.aidigest.digest.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.MarkdownSafe;
import dev.aidigest.digest.PostText;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.SummaryCorpus;
import dev.aidigest.ingest.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the offline headline and summary over every story of real material: the bundled
 * sample day and the December evaluation windows, labelled stories and every noise post as a story
 * of its own (spam, injection, HTML, bare retweets). Each property is checked on all of them.
 */
class OfflineSummaryPropertiesTest {

    private static final Map<String, Pattern> GLITCHES = Map.ofEntries(
            Map.entry("clause mark before a full stop", Pattern.compile("[；;，,、：:][。.]")),
            Map.entry("double full stop", Pattern.compile("。。|(?<!\\.)\\.\\.(?!\\.)")),
            Map.entry("empty bold", Pattern.compile("^(?:[^*]*\\*\\*[^*]+\\*\\*)*[^*]*\\*\\*\\s*\\*\\*")),
            Map.entry(
                    "bold split inside a name",
                    Pattern.compile(
                            "[A-Za-z0-9][.\\-_]?\\*\\*(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])\\*\\*[.\\-_]?[A-Za-z0-9]")),
            Map.entry("ellipsis", Pattern.compile("…|\\.\\.\\.")),
            Map.entry("link", Pattern.compile("(?i)https?://|www\\.|\\bt\\.co/|\\b[a-z0-9-]+\\.[a-z]{2,}/\\S")),
            Map.entry("@handle", Pattern.compile("@\\w")),
            Map.entry("HTML entity", Pattern.compile("&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")),
            Map.entry("markup tag", Pattern.compile("[<＜]/?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^>＞]*)?[>＞]")),
            Map.entry("English scaffolding", Pattern.compile("Also from|According to .*:")),
            Map.entry(
                    "invisible or direction mark",
                    Pattern.compile(
                            "[\\u200B\\u200C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\u0000-\\u0008]")));

    private static final OfflineSummarizer offline = new OfflineSummarizer();
    private static final List<Case> cases = new ArrayList<>();

    private record Case(SummaryCorpus.Labelled story, StorySummary summary) {
        String plain() {
            return summary.summary().replace("**", "");
        }

        /** The summary without its credits ("Peter H. Diamandis, MD 也提到："), whose dots end nothing. */
        String uncredited() {
            String s = plain();
            for (String author : story.story().authors()) {
                s = s.replace(MarkdownSafe.plain(author) + " 也提到：", "");
            }
            return s;
        }

        @Override
        public String toString() {
            return story + "\n  H: " + summary.headline() + "\n  S: " + summary.summary();
        }
    }

    @BeforeAll
    static void summarizeEveryStory() {
        for (SummaryCorpus.Labelled l : SummaryCorpus.all()) {
            cases.add(new Case(l, offline.summarize(l.story())));
        }
    }

    @Test
    void theCorpusIsTheWholeSampleDayAndAllSixEvaluationWindows() {
        assertThat(cases).hasSizeGreaterThan(300);
        assertThat(cases.stream().map(c -> c.story().source()).distinct()).hasSize(7);
    }

    @Test
    void noGlitchInAnyHeadlineOrSummary() {
        List<String> found = new ArrayList<>();
        for (Case c : cases) {
            GLITCHES.forEach((what, p) -> {
                String headline = c.summary().headline();
                boolean inHeadline =
                        !what.equals("ellipsis") && p.matcher(headline).find() || midEllipsis(headline);
                if (inHeadline || p.matcher(c.summary().summary()).find()) {
                    found.add(what + " in " + c);
                }
            });
        }
        assertThat(found).isEmpty();
    }

    @Test
    void bracketsAndQuotesAreBalancedAndTextIsWholeUnicode() {
        for (Case c : cases) {
            for (String text : List.of(c.summary().headline(), c.summary().summary())) {
                assertThat(balanced(text)).as("balanced: %s", c).isTrue();
                assertThat(text.chars().filter(ch -> ch == '"').count() % 2)
                        .as("quotes: %s", c)
                        .isZero();
                assertThat(wholeCodePoints(text)).as("surrogates: %s", c).isTrue();
            }
            assertThat(c.summary().summary().split("\\*\\*", -1).length % 2)
                    .as("bold pairs: %s", c)
                    .isEqualTo(1);
            assertThat(c.summary().headline()).as("headline has no bold: %s", c).doesNotContain("*");
        }
    }

    @Test
    void lengthsStayWithinTheHouseStyle() {
        List<String> tooShort = new ArrayList<>();
        int multiAuthor = 0;
        for (Case c : cases) {
            String h = c.summary().headline();
            int max = PostText.hasCjk(h) ? OfflineSummarizer.HEADLINE_MAX : OfflineSummarizer.HEADLINE_MAX_LATIN;
            assertThat(PostText.length(h)).as("headline: %s", c).isBetween(1, max);
            assertThat(PostText.length(c.plain())).as("summary: %s", c).isLessThanOrEqualTo(330);
            assertThat(sentences(c.uncredited()))
                    .as("at most 4 sentences: %s", c)
                    .isLessThanOrEqualTo(4);
            if (c.story().story().authors().size() > 1) {
                multiAuthor++;
                if (sentences(c.uncredited()) < 2 || PostText.length(c.plain()) < 90) {
                    tooShort.add(c.toString());
                }
            }
        }
        // several authors always say enough for two sentences and 90 characters
        assertThat(multiAuthor).isGreaterThan(60);
        assertThat(tooShort).isEmpty();
    }

    @Test
    void aStoryToldInChineseGetsAChineseHeadlineAndSummary() {
        int chinese = 0;
        for (Case c : cases) {
            if (hasChineseTelling(c.story().story())) {
                chinese++;
                // Chinese, with names in English: "Meta 发布 SAM 3（Segment Anything Model 3）"
                assertThat(PostText.cjkCount(c.summary().headline()))
                        .as("Chinese headline: %s", c)
                        .isGreaterThanOrEqualTo(2);
                String first = PostText.sentences(c.uncredited()).get(0);
                assertThat(PostText.cjkCount(first))
                        .as("Chinese first sentence: %s", c)
                        .isGreaterThanOrEqualTo(4);
            }
        }
        assertThat(chinese).isGreaterThan(80);
    }

    @Test
    void aStoryWithNoChineseKeepsItsEnglishExtractWithChineseScaffolding() {
        int english = 0;
        for (Case c : cases) {
            Story story = c.story().story();
            boolean noChinese = story.posts().stream()
                    .noneMatch(p -> PostText.hasCjk(PostText.clean(p.post().text())));
            if (!noChinese) {
                continue;
            }
            english++;
            assertThat(PostText.hasCjk(c.uncredited()))
                    .as("only scaffolding is Chinese: %s", c)
                    .isFalse();
        }
        assertThat(english).isGreaterThan(50);
    }

    @Test
    void everyCreditNamesAnAuthorOfTheStoryAsWritten() {
        int credits = 0;
        for (Case c : cases) {
            String s = c.plain();
            int at = s.indexOf(" 也提到：");
            while (at >= 0) {
                credits++;
                String before = s.substring(0, at);
                assertThat(c.story().story().authors().stream()
                                .map(MarkdownSafe::plain)
                                .anyMatch(before::endsWith))
                        .as("credit of an author: %s", c)
                        .isTrue();
                at = s.indexOf(" 也提到：", at + 1);
            }
        }
        assertThat(credits).isGreaterThan(40);
    }

    /**
     * A substantial original Chinese post: 40 Chinese characters or more, not a reply to someone
     * else, not a retweet. Such a post always tells the story, whatever the other posts say.
     */
    static boolean hasChineseTelling(Story story) {
        for (StoredPost p : story.posts()) {
            Post post = p.post();
            String text = PostText.clean(post.text());
            boolean original = post.reference() == null
                    || post.reference().isQuote()
                    || post.authorHandle().equalsIgnoreCase(post.reference().authorHandle());
            if (original && PostText.mostlyCjk(text) && PostText.cjkCount(text) >= 40) {
                return true;
            }
        }
        return false;
    }

    private static boolean midEllipsis(String headline) {
        int at = headline.indexOf('…');
        return at >= 0 && at != headline.length() - 1 || headline.contains("...");
    }

    /** Sentence ends outside quotes: "When you ask “what do you think?” there is no you." is one. */
    private static int sentences(String plain) {
        int count = 0;
        int depth = 0;
        boolean ascii = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if ("“「『".indexOf(c) >= 0) {
                depth++;
            } else if ("”」』".indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (c == '"') {
                ascii = !ascii;
            } else if (depth == 0 && !ascii && "。！？!?.".indexOf(c) >= 0) {
                boolean end = i + 1 >= plain.length()
                        || (c != '.' && "。！？!?".indexOf(plain.charAt(i + 1)) < 0)
                        || (c == '.' && Character.isWhitespace(plain.charAt(i + 1)));
                count += end ? 1 : 0;
            }
        }
        return count;
    }

    static boolean balanced(String s) {
        String open = Punctuation.OPENERS;
        String close = Punctuation.CLOSERS;
        StringBuilder stack = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (open.indexOf(c) >= 0) {
                stack.append(c);
            } else if (close.indexOf(c) >= 0) {
                char want = open.charAt(close.indexOf(c));
                if (stack.length() == 0 || stack.charAt(stack.length() - 1) != want) {
                    return false;
                }
                stack.setLength(stack.length() - 1);
            }
        }
        return stack.length() == 0;
    }

    static boolean wholeCodePoints(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
