package dev.aidigest.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The summarizer that needs nothing: headline and summary are sentences taken from the story's
 * own posts, in their own language, with key names and numbers in bold. Used when no LLM is
 * configured, and item by item when the LLM fails.
 */
public final class OfflineSummarizer implements Summarizer {

    public static final String ENGINE = "offline";
    static final int HEADLINE_MAX = 60;
    static final int SUMMARY_MAX = 300;
    private static final int MAX_SENTENCES = 4;
    private static final int MAX_BOLD = 3;
    /** One Latin word ("FLUX.2", "Suno") or two Chinese bigrams in common with the topic; small talk shares less. */
    private static final int MIN_SHARED = 2;

    @Override
    public Summaries summarize(List<StoryBrief> stories) {
        List<StorySummary> items = stories.stream().map(this::summarize).toList();
        return new Summaries(
                items, categories(stories.stream().map(StoryBrief::story).toList()), LlmUsage.NONE, ENGINE);
    }

    /** One story's summary; a follow-up's ends with one sentence on what is new ("新进展：…。"). */
    public StorySummary summarize(StoryBrief brief) {
        StorySummary s = summarize(brief.story());
        if (!brief.followUp()) {
            return s;
        }
        String summary = s.summary();
        // what the extract already quotes need not be said twice, unless that is all there is
        List<String> facts = brief.whatIsNew().stream()
                .filter(f -> !summary.replace("**", "").contains(MarkdownSafe.plain(f)))
                .toList();
        String sentence =
                "新进展：" + MarkdownSafe.plain(String.join("；", facts.isEmpty() ? brief.whatIsNew() : facts)) + "。";
        boolean latinEnd = !summary.isEmpty() && summary.charAt(summary.length() - 1) < '\u3000';
        return new StorySummary(s.headline(), summary + (latinEnd ? " " : "") + sentence, s.offline());
    }

    /** One story's extractive headline and summary. */
    public StorySummary summarize(Story story) {
        return new StorySummary(headline(story), summary(story), true);
    }

    /** 3–6 Chinese labels chosen by keyword rules over the stories' posts. */
    public List<String> categories(List<Story> stories) {
        return CategoryRules.categories(stories);
    }

    static String headline(Story story) {
        for (StoredPost p : story.posts()) {
            List<String> sentences = PostText.sentences(PostText.clean(p.post().text()));
            if (!sentences.isEmpty()) {
                String first = PostText.trimEnd(sentences.get(0));
                if (letters(first) < 8 && sentences.size() > 1) {
                    first = join(sentences.get(0), PostText.trimEnd(sentences.get(1)));
                }
                return MarkdownSafe.headline(PostText.shorten(first, HEADLINE_MAX));
            }
        }
        return MarkdownSafe.headline(story.lead().post().authorName()); // the lead was only a link or emoji
    }

    static String summary(Story story) {
        String leadAuthor = story.lead().post().authorName();
        boolean zh = PostText.mostlyCjk(PostText.clean(story.lead().post().text()));
        List<String> authors = story.authors();
        Picker picker = new Picker();
        List<String> lead = sentencesOf(story, leadAuthor);
        picker.take(informativeFirst(lead), "", authors.size() > 1 ? 2 : MAX_SENTENCES);
        for (String other : authors.subList(1, authors.size())) {
            String name = MarkdownSafe.plain(other);
            String prefix = zh ? name + " 也提到：" : "Also from " + name + ": ";
            picker.take(onTopicFirst(sentencesOf(story, other), topic(lead)), prefix, 1);
        }
        if (picker.size() < 2) {
            picker.take(lead, "", MAX_SENTENCES); // the others only repeated the lead
        }
        return picker.render(zh);
    }

    /** The first sentence (it says what happened), then those with names and numbers before small talk. */
    private static List<String> informativeFirst(List<String> sentences) {
        if (sentences.size() < 3) {
            return sentences;
        }
        List<String> rest = new ArrayList<>(sentences.subList(1, sentences.size()));
        rest.sort(Comparator.comparingInt((String x) -> KeyPhrases.count(x) + (x.matches(".*\\d.*") ? 1 : 0))
                .reversed());
        List<String> out = new ArrayList<>();
        out.add(sentences.get(0));
        out.addAll(rest);
        return out;
    }

    /** What the story is about: the lead's first sentence and every name and number the lead has. */
    private static String topic(List<String> leadSentences) {
        StringBuilder sb = new StringBuilder(leadSentences.isEmpty() ? "" : leadSentences.get(0));
        for (String s : leadSentences) {
            KeyPhrases.find(s, 3).forEach(span -> sb.append(' ').append(s, span.start(), span.end()));
        }
        return sb.toString();
    }

    /**
     * Another author's sentences, those sharing the most with the story's topic first; a sentence sharing
     * nothing ("Huge congrats!") is not about this story and is left out.
     */
    private static List<String> onTopicFirst(List<String> sentences, String topic) {
        Set<String> lead = SentenceOverlap.topicFeatures(topic);
        List<String> out = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (String x : sentences) {
            int shared = 0;
            for (String feature : SentenceOverlap.topicFeatures(x)) {
                if (lead.contains(feature)) {
                    shared +=
                            PostText.hasCjk(feature) ? 1 : 2; // a shared name ("sfcompute", "Suno") is strong evidence
                }
            }
            if (shared >= MIN_SHARED) {
                int i = 0;
                while (i < scores.size() && scores.get(i) >= shared) {
                    i++;
                }
                out.add(i, x);
                scores.add(i, shared);
            }
        }
        return out;
    }

    private static List<String> sentencesOf(Story story, String author) {
        List<String> out = new ArrayList<>();
        for (StoredPost p : story.posts()) {
            if (p.post().authorName().equals(author)) {
                out.addAll(PostText.sentences(PostText.clean(p.post().text())));
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        boolean cjkSeam = PostText.hasCjk(a.substring(Math.max(0, a.length() - 2)))
                || "。！？；".indexOf(a.charAt(a.length() - 1)) >= 0;
        return cjkSeam ? a + b : a + " " + b;
    }

    private static int letters(String s) {
        return (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    }

    /** Collects distinct, informative sentences within the length budget. */
    private static final class Picker {
        private final List<String> prefixes = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();
        private final List<String> seen = new ArrayList<>();
        private int length;

        void take(List<String> sentences, String prefix, int quota) {
            int taken = 0;
            for (String s : sentences) {
                if (bodies.size() >= MAX_SENTENCES || taken >= quota) {
                    return;
                }
                if (letters(s) < 6 || isDuplicate(s)) {
                    continue;
                }
                int room = SUMMARY_MAX - length - PostText.length(prefix);
                String body = PostText.length(s) <= room ? s : bodies.isEmpty() ? PostText.shorten(s, room) : null;
                if (body == null) {
                    continue;
                }
                seen.add(SentenceOverlap.normalise(s));
                prefixes.add(prefix);
                bodies.add(body);
                length += PostText.length(prefix) + PostText.length(body);
                taken++;
            }
        }

        int size() {
            return bodies.size();
        }

        private boolean isDuplicate(String s) {
            String n = SentenceOverlap.normalise(s);
            return seen.stream().anyMatch(o -> SentenceOverlap.same(n, o));
        }

        String render(boolean zh) {
            StringBuilder out = new StringBuilder();
            Set<String> bolded = new HashSet<>();
            for (int i = 0; i < bodies.size(); i++) {
                String body = MarkdownSafe.plain(closed(bodies.get(i), zh));
                List<KeyPhrases.Span> spans = new ArrayList<>();
                for (KeyPhrases.Span s : KeyPhrases.find(body, MAX_BOLD)) {
                    if (bolded.size() < MAX_BOLD
                            && bolded.add(body.substring(s.start(), s.end()).toLowerCase())) {
                        spans.add(s);
                    }
                }
                if (out.length() > 0 && out.charAt(out.length() - 1) < '\u3000') {
                    out.append(' '); // after ". " style punctuation; Chinese "。" needs no space
                }
                out.append(prefixes.get(i)).append(KeyPhrases.bold(body, spans));
            }
            return MarkdownSafe.withBold(out.toString());
        }

        private static String closed(String s, boolean zh) {
            char last = s.charAt(s.length() - 1);
            if (last == '：' || last == ':') { // an introduction with nothing after it ends the sentence
                s = s.substring(0, s.length() - 1);
                last = s.isEmpty() ? '。' : s.charAt(s.length() - 1);
            }
            return "。！？.!?…」”\"".indexOf(last) >= 0 ? s : s + (PostText.hasCjk(s) || zh ? "。" : ".");
        }
    }
}
