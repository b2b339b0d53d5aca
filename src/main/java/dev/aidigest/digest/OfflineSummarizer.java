package dev.aidigest.digest;

import java.util.ArrayList;
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

  @Override
  public Summaries summarize(List<Story> stories) {
    List<StorySummary> items = stories.stream().map(this::summarize).toList();
    return new Summaries(items, categories(stories), LlmUsage.NONE, ENGINE);
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
    int leadQuota = authors.size() > 1 ? 2 : MAX_SENTENCES;
    picker.take(sentencesOf(story, leadAuthor), "", leadQuota);
    for (String other : authors.subList(1, authors.size())) {
      String name = MarkdownSafe.plain(other);
      String prefix = zh ? name + " 也提到：" : "Also from " + name + ": ";
      picker.take(sentencesOf(story, other), prefix, 1);
    }
    if (picker.size() < 2) {
      picker.take(sentencesOf(story, leadAuthor), "", MAX_SENTENCES); // the others only repeated the lead
    }
    return picker.render(zh);
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
    boolean cjkSeam = PostText.hasCjk(a.substring(Math.max(0, a.length() - 2))) || "。！？；".indexOf(a.charAt(a.length() - 1)) >= 0;
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
          if (bolded.size() < MAX_BOLD && bolded.add(body.substring(s.start(), s.end()).toLowerCase())) {
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
      return "。！？.!?…」”\"".indexOf(last) >= 0 ? s : s + (PostText.hasCjk(s) || zh ? "。" : ".");
    }
  }
}
