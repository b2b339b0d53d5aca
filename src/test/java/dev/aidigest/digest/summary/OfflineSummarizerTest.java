package dev.aidigest.digest.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.PostText;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.StoryBrief;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.Summaries;
import dev.aidigest.testing.StoryFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class OfflineSummarizerTest {

    private final StoryFixtures f = new StoryFixtures();
    private final OfflineSummarizer offline = new OfflineSummarizer();

    @Test
    void headlineIsTheLeadPostsFirstSentenceWithoutLinksHashtagsOrEmoji() {
        Story story = f.story(
                f.post(
                        "dotey",
                        "宝玉",
                        "🔥🔥 ChatGPT 的语音通话功能更新了！现在不用切换界面就能直接语音对话。https://t.co/abc123 #AI #ChatGPT #OpenAI"),
                f.post("vista8", "向阳乔木", "语音模式终于和文字聊天合并了。"));

        StorySummary s = offline.summarize(story);

        assertThat(s.headline()).isEqualTo("ChatGPT 的语音通话功能更新了");
        assertThat(s.offline()).isTrue();
        assertThat(s.summary()).doesNotContain("https://", "t.co", "#AI", "🔥");
    }

    @Test
    void longHeadlinesAreCutAtAWordOrClauseBoundary() {
        String english =
                "OpenAI researchers describe a new training recipe that makes reasoning models cheaper to run on commodity hardware";
        String chinese = "小米在其MiMo论文中详细阐述了其AI在前端开发方面表现出色的核心原因在于基于视觉的验证器通过评估录制视频片段的性能来综合考量视觉质量功能准确性和可执行性";

        String en = offline.summarize(f.story("a", "A", english)).headline();
        String zh = offline.summarize(f.story("b", "B", chinese)).headline();

        assertThat(PostText.length(en)).isLessThanOrEqualTo(OfflineSummarizer.HEADLINE_MAX_LATIN);
        assertThat(en).endsWith("…");
        assertThat(english)
                .startsWith(en.substring(0, en.length() - 1))
                .contains(en.substring(0, en.length() - 1) + " ");
        assertThat(PostText.length(zh)).isLessThanOrEqualTo(OfflineSummarizer.HEADLINE_MAX);
        assertThat(zh).startsWith("小米在其MiMo论文中").endsWith("…");
    }

    @Test
    void shortOpeningExclamationIsJoinedWithTheNextSentence() {
        StorySummary s = offline.summarize(f.story("op7418", "歸藏(guizang.ai)", "重磅！FLUX.2 正式发布，支持 4MP 输出。"));

        assertThat(s.headline()).isEqualTo("重磅！FLUX.2 正式发布，支持 4MP 输出");
    }

    @Test
    void summaryBoldsProductNamesAndNumbersWithUnits() {
        List<String> summaries = List.of(
                offline.summarize(f.story(
                                "mervenoyann",
                                "merve",
                                "FLUX.2 is out, a new image model. It uses Mistral Small 3.1 as its text encoder."))
                        .summary(),
                offline.summarize(
                                f.story("PeterDiamandis", "Peter H. Diamandis, MD", "AI 驱动的研究方法现在比传统方法快500倍。这将改变科学发现。"))
                        .summary(),
                offline.summarize(f.story(
                                "bentossell",
                                "Ben Tossell",
                                "sfcompute raised $40M to build its supercomputer. They are hiring Linux programmers."))
                        .summary(),
                offline.summarize(
                                f.story(
                                        "PeterDiamandis",
                                        "Peter H. Diamandis, MD",
                                        "By 2030, AI data centers will need an additional 80-100GW of power. That is dozens of nuclear plants."))
                        .summary());

        assertThat(bolds(summaries.get(0))).contains("FLUX.2", "Mistral Small 3.1");
        assertThat(bolds(summaries.get(1))).contains("500倍");
        assertThat(bolds(summaries.get(2))).contains("$40M");
        assertThat(bolds(summaries.get(3))).contains("80-100GW");
        summaries.forEach(s -> assertThat(bolds(s)).hasSizeBetween(1, 3));
    }

    @Test
    void otherAuthorsAreCreditedInChineseAfterTheTelling() {
        Story zh = f.story(
                f.post("op7418", "歸藏(guizang.ai)", "测试了一下 FLUX.2，2K 分辨率下一致性很好。对设计师很友好，色彩控制精准。"),
                f.post("ClementDelangue", "clem 🤗", "FLUX.2 is trending on Hugging Face with 500 likes in two hours."),
                f.post("mervenoyann", "merve", "FLUX.2 ships with Diffusers support and QLoRA for lower VRAM."));
        Story en = f.story(
                f.post("mervenoyann", "merve", "FLUX.2 is out! A new image generation and editing model."),
                f.post("ClementDelangue", "clem 🤗", "Congrats to the BFL team, FLUX.2 already trends on the Hub."));

        String zhSummary = offline.summarize(zh).summary();
        String enSummary = offline.summarize(en).summary();

        assertThat(zhSummary).startsWith("测试了一下").contains("clem 🤗 也提到：", "merve 也提到：");
        assertThat(zhSummary.indexOf("clem 🤗")).isLessThan(zhSummary.indexOf("merve"));
        assertThat(enSummary).startsWith("**FLUX.2** is out!").contains("clem 🤗 也提到：Congrats");
    }

    @Test
    void theMostInformativeChineseTellingGivesHeadlineAndSummaryOfAnEnglishLedStory() {
        Story story = f.story(
                f.post(
                        "deepseek_ai",
                        "DeepSeek",
                        "DeepSeekMath-V2: Towards Self-Verifiable Mathematical Reasoning. Open weights."),
                f.post("vista8", "向阳乔木", "数学模型又进步了，开源社区这一年真的很热闹，大家可以关注一下 DeepSeek。"),
                f.post(
                        "oran_ge",
                        "Orange AI",
                        "DeepSeek 发布 DeepSeekMath-V2，IMO 2025 金牌水平，Putnam 2024 拿了 118/120。Apache 2.0 开源。"),
                f.post("ClementDelangue", "clem 🤗", "An open-weight, Apache 2.0 model at IMO gold level."));

        StorySummary s = offline.summarize(story);

        assertThat(s.headline()).isEqualTo("DeepSeek 发布 DeepSeekMath-V2，IMO 2025 金牌水平");
        assertThat(s.summary())
                .startsWith("**DeepSeek** 发布 **DeepSeekMath-V2**")
                .doesNotContain("Also from");
        assertThat(story.lead().post().authorHandle()).isEqualTo("deepseek_ai"); // the item still links the lead
    }

    @Test
    void aShortChineseCommentThatNamesNothingDoesNotReplaceTheEnglishLead() {
        Story story = f.story(
                f.post("bfl_ml", "Black Forest Labs", "We raised $300M in Series B funding at a $3.25B valuation."),
                f.post("oran_ge", "Orange AI", "太强了，开源社区又赢了一次，真心祝贺！"));

        StorySummary s = offline.summarize(story);

        assertThat(s.headline()).startsWith("We raised $300M");
        assertThat(s.summary()).startsWith("We raised **$300M**");
    }

    @Test
    void aTinyChineseTellingIsToppedUpFromTheLeadWithAChineseCredit() {
        Story story = f.story(
                f.post(
                        "AnthropicAI",
                        "Anthropic",
                        "Claude Opus 4.5 is priced at $5/$25 per million tokens. It scores 80.9% on SWE-bench Verified."),
                f.post("dotey", "宝玉", "Claude Opus 4.5 价格降到原来的三分之一，终于可以日常用了。"));

        String summary = offline.summarize(story).summary();

        assertThat(summary).startsWith("**Claude Opus 4.5** 价格降到原来的三分之一").contains("Anthropic 也提到：");
        assertThat(summary.split("Anthropic 也提到：", -1)).hasSize(2); // one credit, then the sentences run on
    }

    @Test
    void noClauseMarkBeforeAFullStopNoSplitBoldNoEllipsisInsideASentence() {
        String a = offline.summarize(f.story(
                        "oran_ge", "Orange AI", "上手了 Meta Ray-Ban Display，799 美元。\n\n右眼镜片里有一块小屏幕，旁边的人看不到；配套的腕带很惊艳。"))
                .summary();
        String b = offline.summarize(
                        f.story(
                                "deepseek_ai",
                                "DeepSeek",
                                "DeepSeekMath-V2: Towards Self-Verifiable Mathematical Reasoning. Segment anything... with words."))
                .summary();

        assertThat(a).contains("旁边的人看不到。").doesNotContain("；。");
        assertThat(b)
                .contains("**DeepSeekMath-V2**", "Segment anything, with words.")
                .doesNotContain("...", "…");
    }

    @Test
    void handlesBecomeNamesAndListBulletsGo() {
        Story story = f.story(
                f.post(
                        "mervenoyann",
                        "merve",
                        "FLUX.2 is out, new SOTA image model by @bfl_ml, thanks @dotey!\n> DiT backbone, 32B"),
                f.post("dotey", "宝玉", "@mervenoyann FLUX.2 的中文提示词还不太行。"));

        String summary = offline.summarize(story).summary();

        assertThat(summary).contains("by bfl_ml, thanks 宝玉!", "backbone").doesNotContain("@", "＞", ">");
    }

    @Test
    void smallTalkOfOtherAuthorsIsLeftOutButTheirFactsAreKept() {
        Story story = f.story(
                f.post("bentossell", "Ben Tossell", "sfcompute raised $40M to build a supercomputer."),
                f.post("amasad", "Amjad Masad", "Huge congrats to the team! This is bigger than most people realize."),
                f.post("imxiaohu", "小互", "sfcompute 正在招聘 Linux 程序员。"));

        String summary = offline.summarize(story).summary();

        assertThat(summary).doesNotContain("Amjad Masad", "congrats").contains("小互 也提到：sfcompute 正在招聘 Linux 程序员。");
    }

    @Test
    void repeatedSentencesFromRetweetsAndQuotesAppearOnce() {
        Story story = f.story(
                f.post("dotey", "宝玉", "Nano Banana Pro 可以生成真实感照片。Kimi 上线了支持它的 PPT 功能。"),
                f.post("vista8", "向阳乔木", "Nano Banana Pro 可以生成真实感照片！"),
                f.post("oran_ge", "Orange AI", "Labnana 基于 Nano Banana，绕过了公众人物图片的限制。"));

        String summary = offline.summarize(story).summary();

        assertThat(summary.split("真实感照片", -1)).hasSize(2);
        assertThat(summary).doesNotContain("向阳乔木").contains("Orange AI 也提到：Labnana");
    }

    @Test
    void summaryStaysWithinThreeHundredCharactersAndFourSentences() {
        String longPost = "Andrej Karpathy 对 2025 年大模型的发展做了总结。".repeat(3)
                + "他认为可验证奖励强化学习成为训练新范式，LLM 智能呈现不均匀的形态，Cursor 揭示了应用层的潜力，Claude Code 把智能体带进个人电脑，Vibe Coding 推动编程普及，Google Gemini Nano Banana 是大模型图形界面的早期尝试。"
                + "行业仍未完全释放其潜力。未来发展充满挑战与机遇。最后他感谢了所有读者。";
        Story story = f.story(
                f.post("vista8", "向阳乔木", longPost), f.post("dotey", "宝玉", "Karpathy 的年度总结很值得一读，尤其是关于 RLVR 的部分。"));

        String summary = offline.summarize(story).summary();

        assertThat(PostText.length(summary.replace("**", ""))).isLessThanOrEqualTo(300);
        assertThat(PostText.sentences(summary)).hasSizeBetween(2, 4);
    }

    @Test
    void markdownInPostTextCannotBreakTheRenderedItem() {
        Story story = f.story(
                f.post(
                        "evil",
                        "Evil [bot]",
                        "Click [here](https://evil.example) for *free* `tokens` <img src=x onerror=alert(1)> and \\*more__stuff__. Second sentence with ] and [."),
                f.post("dup", "Other *name*", "More text with **bold** attempt and _underscores_ here."));

        StorySummary s = offline.summarize(story);
        String item = "1.  [" + s.headline() + "](https://x.com/evil/status/1) - Evil\n\n    " + s.summary() + "\n";
        Node doc = Parser.builder().build().parse(item);

        List<Node> links = find(doc, Link.class);
        assertThat(links).hasSize(1);
        assertThat(((Link) links.get(0)).getDestination()).isEqualTo("https://x.com/evil/status/1");
        assertThat(find(doc, HtmlInline.class)).isEmpty();
        assertThat(find(doc, Code.class)).isEmpty();
        assertThat(find(doc, Emphasis.class)).isEmpty();
        assertThat(s.headline()).doesNotContain("[", "]", "*", "`", "<");
        assertThat(textOf(doc)).contains("Click ［here］", "＊free＊").doesNotContain("img", "onerror");
    }

    @Test
    void summarizeMarksTheWholeDigestOfflineWithChineseCategories() {
        List<Story> stories = List.of(
                f.story(
                        "PeterDiamandis",
                        "Peter H. Diamandis, MD",
                        "Hyperscale data centers will need 80-100GW of power by 2030, reshaping energy strategy for GPU clusters."),
                f.story("bentossell", "Ben Tossell", "sfcompute raised $40M in funding to build a supercomputer."),
                f.story("mervenoyann", "merve", "FLUX.2 is a new open-weights image model."),
                f.story("GaryMarcus", "Gary Marcus", "I predict the LLM bubble will burst; GPT-5 is not AGI."));

        Summaries result = offline.summarize(StoryBrief.all(stories));

        assertThat(result.engine()).isEqualTo("offline");
        assertThat(result.usage()).isEqualTo(LlmUsage.NONE);
        assertThat(result.items()).hasSize(4).allMatch(StorySummary::offline);
        assertThat(result.categories())
                .hasSizeBetween(3, 6)
                .allMatch(PostText::hasCjk)
                .contains("硬件设施", "融资动态");
    }

    private static List<String> bolds(String summary) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\*\\*(.+?)\\*\\*").matcher(summary);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<Node> find(Node root, Class<? extends Node> type) {
        List<Node> out = new ArrayList<>();
        root.accept(new AbstractVisitor() {
            @Override
            protected void visitChildren(Node parent) {
                for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                    if (type.isInstance(n)) {
                        out.add(n);
                    }
                    visitChildren(n);
                }
            }
        });
        return out;
    }

    private static String textOf(Node root) {
        StringBuilder sb = new StringBuilder();
        find(root, Text.class).forEach(t -> sb.append(((Text) t).getLiteral()));
        find(root, StrongEmphasis.class).forEach(t -> sb.append(' '));
        return sb.toString();
    }
}
