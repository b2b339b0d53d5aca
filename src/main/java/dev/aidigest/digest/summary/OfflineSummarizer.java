package dev.aidigest.digest.summary;

import dev.aidigest.digest.LlmUsage;
import dev.aidigest.digest.MarkdownSafe;
import dev.aidigest.digest.PostText;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.StoryBrief;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.Summaries;
import dev.aidigest.digest.Summarizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The summarizer that needs nothing: headline and summary are sentences taken from the story's own
 * posts, with key names and numbers in bold. They come from the story's Chinese telling when it has
 * one ({@link Telling}), else from the lead post in its own language; other authors are credited in
 * Chinese ("宝玉 也提到：…"). Used when no LLM is configured, and item by item when the LLM fails.
 */
public final class OfflineSummarizer implements Summarizer {

    public static final String ENGINE = "offline";
    /** Code points of a Chinese headline: the house style's longest is about 54 characters. */
    static final int HEADLINE_MAX = 54;
    /** Code points of an English headline: about as wide as {@link #HEADLINE_MAX} Chinese characters. */
    static final int HEADLINE_MAX_LATIN = 72;
    /** One Latin word ("FLUX.2", "Suno") or two Chinese bigrams in common with the topic; small talk shares less. */
    private static final int MIN_SHARED = 2;
    /** Cut points for a long headline: a clause ends there ("、" only separates list items). */
    private static final String HEADLINE_CUTS = "，,；;：:—";
    /** English words that cannot end a cut headline: they announce what was cut off. */
    private static final Set<String> DANGLING_WORDS = Set.of(
            "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "and", "or", "from", "as", "that",
            "is", "are", "was", "its", "their", "our", "your", "my");

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
        Telling telling = Telling.of(story);
        return new StorySummary(headline(telling), summary(telling), true);
    }

    /** 3–6 Chinese labels chosen by keyword rules over the stories' posts. */
    public List<String> categories(List<Story> stories) {
        return CategoryRules.categories(stories);
    }

    private static String headline(Telling t) {
        List<StoredPost> order = new ArrayList<>(t.story().posts());
        order.remove(t.post());
        order.add(0, t.post());
        for (StoredPost p : order) {
            List<String> sentences = t.sentences(p);
            if (!sentences.isEmpty()) {
                String first = PostText.trimEnd(opening(t.text(p), sentences));
                if (letters(first) < 8 && sentences.size() > 1) {
                    first = join(sentences.get(0), PostText.trimEnd(sentences.get(1)));
                }
                return MarkdownSafe.headline(shortHeadline(PostText.trimEnd(first)));
            }
        }
        // the posts were only links or emoji
        return MarkdownSafe.headline(Prose.name(t.story().lead().post().authorName()));
    }

    /**
     * The first sentence, or the first line when that line introduces a list ("Claude Opus 4.5
     * 发布，整理了几个重点：" then "1. …"): the list's first item is not the headline.
     */
    private static String opening(String text, List<String> sentences) {
        int nl = text.indexOf('\n');
        String line = (nl < 0 ? text : text.substring(0, nl)).strip();
        if (nl > 0 && (line.endsWith("：") || line.endsWith(":")) && letters(line) >= 8) {
            List<String> inLine = PostText.sentences(line);
            return inLine.isEmpty() ? sentences.get(0) : inLine.get(0);
        }
        return sentences.get(0);
    }

    /**
     * Within the house style's length: up to the last clause that fits, else cut at a word with "…".
     * A Chinese headline (English names in it or not) has {@value #HEADLINE_MAX} characters at most;
     * an English one, whose letters are narrower, {@value #HEADLINE_MAX_LATIN}.
     */
    static String shortHeadline(String s) {
        int max = PostText.hasCjk(s) ? HEADLINE_MAX : HEADLINE_MAX_LATIN;
        if (PostText.length(s) <= max) {
            return Punctuation.balance(s);
        }
        int limit = s.offsetByCodePoints(0, max - 2); // room for a closing bracket
        for (int i = limit - 1; i >= limit / 2; i--) {
            if (HEADLINE_CUTS.indexOf(s.charAt(i)) >= 0 && !Character.isDigit(s.charAt(i + 1))) {
                return Punctuation.balance(PostText.trimEnd(s.substring(0, i)));
            }
        }
        String cut = PostText.shorten(s, max - 2);
        if (!cut.endsWith("…")) {
            return Punctuation.balance(PostText.trimEnd(cut));
        }
        return Punctuation.balance(withoutDanglingWord(PostText.trimEnd(cut))) + "…";
    }

    /** "…has overtaken US ones in…" reads better as "…has overtaken US ones…". */
    private static String withoutDanglingWord(String s) {
        String out = s;
        while (true) {
            int space = out.lastIndexOf(' ');
            if (space <= out.length() / 2
                    || !DANGLING_WORDS.contains(out.substring(space + 1).toLowerCase(Locale.ROOT))) {
                return PostText.trimEnd(out);
            }
            out = out.substring(0, space);
        }
    }

    @SuppressWarnings("ReferenceEquality") // posts of one story are the same objects
    private static String summary(Telling t) {
        String mainAuthor = t.post().post().authorName();
        List<String> others = t.otherAuthors();
        List<String> main = mainSentences(t, mainAuthor);
        Picker picker = new Picker();
        picker.take(informativeFirst(main), "", others.isEmpty() ? Picker.MAX_SENTENCES : 2);
        String topic = topic(t, main);
        for (String other : others) {
            picker.take(onTopicFirst(sentencesOf(t, other, t.chinese()), topic), Picker.credit(other), 1);
        }
        if (picker.wantsMore()) {
            picker.take(main, "", Picker.MAX_SENTENCES); // the others only repeated the telling
        }
        StoredPost lead = t.story().lead();
        if (picker.wantsMore() && lead != t.post() && !lead.post().authorName().equals(mainAuthor)) {
            // the lead post is the story by definition, in whatever words: no topic test for it
            picker.take(
                    informativeFirst(t.sentences(lead)),
                    Picker.credit(lead.post().authorName()),
                    2);
        }
        for (int round = 0; round < 2 && picker.wantsMore(); round++) {
            // a short Chinese telling is topped up from the other posts, English ones included
            for (String other : others) {
                picker.take(onTopicFirst(sentencesOf(t, other, false), topic), Picker.credit(other), 1);
            }
        }
        return picker.render();
    }

    /** The telling's sentences, then its author's other posts in the story (in Chinese, if it is). */
    @SuppressWarnings("ReferenceEquality") // posts of one story are the same objects
    private static List<String> mainSentences(Telling t, String author) {
        List<String> out = new ArrayList<>(t.sentences(t.post()));
        for (StoredPost p : t.story().posts()) {
            if (p != t.post() && p.post().authorName().equals(author) && (!t.chinese() || t.isChinese(p))) {
                out.addAll(t.sentences(p));
            }
        }
        return out;
    }

    private static List<String> sentencesOf(Telling t, String author, boolean chineseOnly) {
        List<String> out = new ArrayList<>();
        for (StoredPost p : t.story().posts()) {
            if (p.post().authorName().equals(author) && (!chineseOnly || t.isChinese(p))) {
                out.addAll(t.sentences(p));
            }
        }
        return out;
    }

    /** The first sentence (it says what happened), then those with names and numbers before small talk. */
    private static List<String> informativeFirst(List<String> sentences) {
        if (sentences.size() < 3) {
            return sentences;
        }
        List<String> rest = new ArrayList<>(sentences.subList(1, sentences.size()));
        rest.sort(Comparator.comparingInt((String x) -> KeyPhrases.count(x) + (x.matches("(?s).*\\d.*") ? 1 : 0))
                .reversed());
        List<String> out = new ArrayList<>();
        out.add(sentences.get(0));
        out.addAll(rest);
        return out;
    }

    /**
     * What the story is about: the telling's first sentence and every name and number in it and in
     * the lead post, so an English post sharing "Opus 4.5" with a Chinese telling is on topic.
     */
    @SuppressWarnings("ReferenceEquality") // posts of one story are the same objects
    private static String topic(Telling t, List<String> main) {
        StringBuilder sb = new StringBuilder(main.isEmpty() ? "" : main.get(0));
        List<String> named = new ArrayList<>(main);
        if (t.post() != t.story().lead()) {
            named.addAll(t.sentences(t.story().lead()));
        }
        for (String s : named) {
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

    private static String join(String a, String b) {
        boolean cjkSeam = PostText.hasCjk(a.substring(Math.max(0, a.length() - 2)))
                || "。！？；".indexOf(a.charAt(a.length() - 1)) >= 0;
        return cjkSeam ? a + b : a + " " + b;
    }

    private static int letters(String s) {
        return (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    }
}
