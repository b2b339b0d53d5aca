package dev.aidigest.bench;

import dev.aidigest.config.AppConfig.LlmConfig;
import dev.aidigest.config.ConfigLoader;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.StoryBrief;
import dev.aidigest.digest.Summaries;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.aidigest.llm.LangChainSummarizer;
import dev.aidigest.testing.FakeChatRequest;
import dev.aidigest.testing.FakeOpenAi;
import dev.aidigest.testing.MemorySummaryCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one digest costs in LLM calls and input tokens: ~600 posts in the 4-hour window, of which
 * 15 stories (56 posts) made the cut, summarized with the shipped prompts and the default
 * {@code llm:} settings against {@link FakeOpenAi}, compared with the naive approach of one call per
 * post. Tokens are the fake's estimate (DeepSeek's published ratios: 0.6 per Chinese character,
 * 0.3 per other character, +4 per message); a pessimistic column counts 1.0 per Chinese character,
 * like older OpenAI tokenizers. Targets: calls ≤ stories + 2, input tokens ≤ 15,000.
 */
class LlmEconomyBench {

    @Test
    void callsAndInputTokensPerDigest() {
        WindowPosts window = WindowPosts.generate(42);
        ConfigLoader config = new ConfigLoader(Path.of("config"), Map.of());
        String storyPrompt = config.prompt("story");
        String categoriesPrompt = config.prompt("categories");
        try (FakeOpenAi fake = FakeOpenAi.start()) {
            // the defaults of config/application.yml
            LlmConfig llm = new LlmConfig(fake.baseUrl(), "bench", "gpt-4o-mini", 60, 4, 2, 600, 6, false);
            MemorySummaryCache cache = new MemorySummaryCache();
            LangChainSummarizer summarizer =
                    new LangChainSummarizer(llm, storyPrompt, categoriesPrompt, cache, new OfflineSummarizer());

            long start = System.nanoTime();
            Summaries first = summarizer.summarize(StoryBrief.all(window.chosen()));
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            List<FakeChatRequest> requests = fake.requests();
            int pessimistic = requests.stream()
                    .mapToInt(r -> pessimistic(r.messageTexts()))
                    .sum();
            Summaries rebuild = summarizer.summarize(StoryBrief.all(window.chosen()));

            int naiveAllCalls = window.all().size();
            int naiveAllTokens = window.all().stream()
                    .mapToInt(p -> FakeOpenAi.estimateTokens(List.of(storyPrompt, p)))
                    .sum();
            int chosenPosts =
                    window.chosen().stream().mapToInt(s -> s.posts().size()).sum();
            int naiveChosenTokens = window.chosen().stream()
                    .flatMap(s -> s.posts().stream())
                    .mapToInt(p -> FakeOpenAi.estimateTokens(
                            List.of(storyPrompt, p.post().text())))
                    .sum();
            int postChars = window.chosen().stream()
                    .flatMap(s -> s.posts().stream())
                    .mapToInt(p -> p.post().text().length())
                    .sum();
            int sentChars = fake.storyRequests().stream()
                    .mapToInt(r -> r.firstUser().length())
                    .sum();

            System.out.printf(
                    "%nLLM economy, one 4-hour digest (%d posts in the window, %d stories chosen with %d posts, %d chars)%n",
                    window.all().size(), window.chosen().size(), chosenPosts, postChars);
            System.out.printf(
                    "  system prompt: %d chars, ~%d tokens; story posts sent: %d chars%n",
                    storyPrompt.length(), FakeOpenAi.estimateTokens(storyPrompt), sentChars);
            System.out.printf(
                    "%-44s %7s %14s %14s %12s%n", "approach", "calls", "input tokens", "(pessimistic)", "out tokens");
            System.out.printf(
                    "%-44s %7d %14d %14d %12d%n",
                    "this summarizer, first build",
                    first.usage().calls(),
                    first.usage().inputTokens(),
                    pessimistic,
                    first.usage().outputTokens());
            System.out.printf(
                    "%-44s %7d %14d %14s %12d%n",
                    "this summarizer, rebuild (cache)",
                    rebuild.usage().calls(),
                    rebuild.usage().inputTokens(),
                    "-",
                    rebuild.usage().outputTokens());
            System.out.printf(
                    "%-44s %7d %14d %14s %12s%n",
                    "naive: one call per post in the window", naiveAllCalls, naiveAllTokens, "-", "-");
            System.out.printf(
                    "%-44s %7d %14d %14s %12s%n",
                    "naive: one call per post of chosen stories", chosenPosts, naiveChosenTokens, "-", "-");
            printWithRepairs(window, llm, storyPrompt, categoriesPrompt, fake);
            System.out.printf(
                    "  targets: calls <= %d -> %s; input tokens <= 15000 -> %s; fallbacks %d; wall %d ms%n",
                    window.chosen().size() + 2,
                    first.usage().calls() <= window.chosen().size() + 2 ? "met" : "MISSED",
                    first.usage().inputTokens() <= 15_000 ? "met" : "MISSED",
                    first.usage().fallbacks(),
                    firstMs);
            for (int i = 0; i < window.chosen().size(); i++) {
                Story s = window.chosen().get(i);
                System.out.printf(
                        "  %2d. %2d posts  %s%n",
                        i + 1, s.posts().size(), first.items().get(i).headline());
            }
        }
    }

    /** The same digest when two stories answer badly once and need a repair each. */
    private static void printWithRepairs(
            WindowPosts window, LlmConfig llm, String storyPrompt, String categoriesPrompt, FakeOpenAi fake) {
        fake.on(
                r -> r.isStory() && !r.isRepair(),
                FakeOpenAi.Reply.content("好的，这是摘要"),
                FakeOpenAi.Reply.content("{\"headline\": \"\"}"));
        Summaries s = new LangChainSummarizer(
                        llm, storyPrompt, categoriesPrompt, new MemorySummaryCache(), new OfflineSummarizer())
                .summarize(StoryBrief.all(window.chosen()));
        System.out.printf(
                "%-44s %7d %14d %14s %12d%n",
                "this summarizer, 2 answers repaired",
                s.usage().calls(),
                s.usage().inputTokens(),
                "-",
                s.usage().outputTokens());
    }

    /** 1 token per Chinese character, 0.3 per other character, +4 per message. */
    private static int pessimistic(List<String> messages) {
        int total = 0;
        for (String m : messages) {
            double t = 4;
            for (int i = 0; i < m.length(); ) {
                int cp = m.codePointAt(i);
                t += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 1.0 : 0.3;
                i += Character.charCount(cp);
            }
            total += (int) Math.ceil(t);
        }
        return total;
    }
}
