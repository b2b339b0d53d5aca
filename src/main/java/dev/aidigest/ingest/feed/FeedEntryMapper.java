package dev.aidigest.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.x.Snowflake;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One feed entry → {@link Post}. An entry linking to {@code x.com|twitter.com|nitter.*}
 * {@code /<handle>/status/<id>} (RSSHub and Nitter twitter routes) is the X post itself: platform
 * {@code x}, the status id, the handle from the link, so it meets the same post fetched through the
 * X API as a duplicate. Any other entry is platform {@code rss}.
 */
final class FeedEntryMapper {
  static final Pattern X_STATUS = Pattern.compile(
      "^https?://(?:(?:www|mobile)\\.)?(?:x\\.com|twitter\\.com|nitter\\.[^/]+)/([A-Za-z0-9_]{1,15})/status(?:es)?/(\\d+)");
  private static final Pattern X_HOST = Pattern.compile("^(?:[\\w-]+\\.)*(?:x\\.com|twitter\\.com)$|^nitter\\.");

  private final Map<String, String> displayNames;
  private final Clock clock;

  FeedEntryMapper(Map<String, String> displayNames, Clock clock) {
    this.displayNames = Map.copyOf(displayNames);
    this.clock = clock;
  }

  /** The post, or null when the entry has neither id nor link to know it by. */
  Post map(SyndFeed feed, SyndEntry entry, FeedOrigin origin) {
    String link = blankToNull(entry.getLink());
    Matcher status = link == null ? null : X_STATUS.matcher(link);
    HtmlText body = HtmlText.of(bodyHtml(entry));
    String text = text(HtmlText.of(entry.getTitle()).text(), body.text());
    if (status != null && status.find()) {
      String handle = status.group(1);
      String id = status.group(2);
      String name = displayNames.get(handle.toLowerCase(Locale.ROOT));
      if (name == null && origin.handle() != null && origin.handle().equalsIgnoreCase(handle)) {
        name = origin.authorName();
      }
      if (name == null) {
        name = blankToNull(entry.getAuthor());
      }
      Instant created = time(entry, Snowflake.time(id));
      return new Post("x", id, handle, name, text, created, "https://x.com/" + handle + "/status/" + id,
          lang(feed), null, null, externalLinks(body.links(), id), body.media(), null);
    }
    String id = blankToNull(entry.getUri()) != null ? entry.getUri().strip() : link;
    if (id == null) {
      return null;
    }
    String handle = origin.handle() != null ? origin.handle() : feedHost(feed, origin, link);
    String name = origin.authorName() != null ? origin.authorName() : blankToNull(feed.getTitle());
    return new Post("rss", id, handle, name, text, time(entry, null), link != null ? link : id, lang(feed),
        null, null, body.links(), body.media(), null);
  }

  /** The longer of content and description: Atom puts the post in content, RSS in description. */
  private static String bodyHtml(SyndEntry entry) {
    String best = entry.getDescription() == null ? null : entry.getDescription().getValue();
    for (SyndContent c : entry.getContents()) {
      String v = c.getValue();
      if (v != null && (best == null || v.length() > best.length())) {
        best = v;
      }
    }
    return best;
  }

  /** Title and body, without repeating the title when the body already starts with it (RSSHub). */
  static String text(String title, String body) {
    if (body.isEmpty()) {
      return title;
    }
    String t = title.replaceAll("(\\.\\.\\.|…)$", "").strip();
    if (t.isEmpty() || body.startsWith(t) || body.replaceAll("\\s+", " ").startsWith(t.replaceAll("\\s+", " "))) {
      return body;
    }
    return title + "\n\n" + body;
  }

  private Instant time(SyndEntry entry, Instant fallback) {
    if (entry.getPublishedDate() != null) {
      return entry.getPublishedDate().toInstant();
    }
    if (entry.getUpdatedDate() != null) {
      return entry.getUpdatedDate().toInstant();
    }
    return fallback != null ? fallback : clock.instant();
  }

  /** Links in a tweet's HTML that point outside X (mention and hashtag links are not news). */
  private static List<String> externalLinks(List<String> links, String ownId) {
    List<String> out = new ArrayList<>();
    for (String l : links) {
      String host = host(l);
      boolean xLink = host != null && X_HOST.matcher(host).find();
      Matcher m = X_STATUS.matcher(l);
      boolean otherStatus = m.find() && !m.group(2).equals(ownId);
      if (!xLink || otherStatus) {
        out.add(l);
      }
    }
    return out;
  }

  private static String feedHost(SyndFeed feed, FeedOrigin origin, String entryLink) {
    for (String candidate : new String[] {feed.getLink(), origin.url(), entryLink}) {
      String host = host(candidate);
      if (host != null) {
        return host.startsWith("www.") ? host.substring(4) : host;
      }
    }
    return "feed";
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String lang(SyndFeed feed) {
    return blankToNull(feed.getLanguage());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
