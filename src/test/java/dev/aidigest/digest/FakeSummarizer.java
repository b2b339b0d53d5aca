package dev.aidigest.digest;

import java.util.ArrayList;
import java.util.List;

/** Headline = the lead post's first 30 characters; records every call. */
final class FakeSummarizer implements Summarizer {

    final List<List<Story>> calls = new ArrayList<>();
    final List<List<StoryBrief>> briefs = new ArrayList<>();
    int dropLast;

    @Override
    public Summaries summarize(List<StoryBrief> input) {
        briefs.add(List.copyOf(input));
        List<Story> stories = input.stream().map(StoryBrief::story).toList();
        calls.add(stories);
        List<StorySummary> items = new ArrayList<>();
        for (Story s : stories.subList(0, stories.size() - dropLast)) {
            String text = s.lead().post().text();
            items.add(new StorySummary(text.substring(0, Math.min(30, text.length())), "summary of " + s.key(), true));
        }
        return new Summaries(
                items, List.of("AI模型", "AI应用", "行业洞察"), new LlmUsage(1, 100 * stories.size(), 50, 0), "offline");
    }
}
