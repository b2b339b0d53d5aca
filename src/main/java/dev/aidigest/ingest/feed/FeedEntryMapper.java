package dev.aidigest.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostCheck;
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
    private static final Pattern NITTER_RETWEET = Pattern.compile("^RT by @\\w{1,15}: ");
    private static final Pattern NITTER_REPLY = Pattern.compile("^R to @(\\w{1,15}): ");
    private static final Pattern RSSHUB_RETWEET = Pattern.compile("^RT [^:]{1,80}: ");
    private static final Pattern NITTER_FEED_TITLE = Pattern.compile("^(.+) / @(\\w{1,15})$");
    private static final Pattern X_HOST = Pattern.compile("^(?:[\\w-]+\\.)*(?:x\\.com|twitter\\.com)$|^nitter\\.");

    private final Map<String, String> displayNames;
    private final Clock clock;

    FeedEntryMapper(Map<String, String> displayNames, Clock clock) {
        this.displayNames = Map.copyOf(displayNames);
        this.clock = clock;
    }

    /** The post, or null when the entry has neither id nor link to know it by. */
    Post map(SyndFeed feed, SyndEntry entry, FeedOrigin origin) {
        String link = link(feed, entry, origin);
        Matcher status = link == null ? null : X_STATUS.matcher(link);
        HtmlText body = HtmlText.of(bodyHtml(entry));
        String title = HtmlText.of(entry.getTitle()).text();
        if (status != null && status.find()) {
            return xPost(feed, entry, origin, status.group(1), status.group(2), title, body);
        }
        String id = blankToNull(entry.getUri()) != null ? entry.getUri().strip() : link;
        if (id == null) {
            return null;
        }
        // a guid or link longer than the id column still names the entry, by its hash
        id = PostCheck.shortId(id);
        String handle = origin.handle() != null ? origin.handle() : feedHost(feed, origin, link);
        String name = origin.authorName() != null ? origin.authorName() : blankToNull(feed.getTitle());
        return new Post(
                "rss",
                id,
                handle,
                name,
                text(title, body.text()),
                time(entry, null),
                link != null ? link : id,
                lang(feed),
                null,
                null,
                body.links(),
                body.media(),
                null);
    }

    /**
     * A tweet from an RSSHub or Nitter route. The description is the whole tweet (the title is cut
     * from it), so it alone is the text. RSSHub marks retweets {@code RT <name>: } and replies
     * {@code Re }; Nitter links a retweet to the original (so it is simply that post) and marks
     * replies {@code R to @<handle>: }.
     */
    private Post xPost(
            SyndFeed feed, SyndEntry entry, FeedOrigin origin, String handle, String id, String title, HtmlText body) {
        Matcher nitterRt = NITTER_RETWEET.matcher(title);
        boolean original = nitterRt.find();
        String cleanTitle = original ? title.substring(nitterRt.end()).strip() : title;
        String text = body.text().isEmpty() ? cleanTitle : body.text();
        Post.Reference reference = original ? null : reference(title);
        return new Post(
                "x",
                id,
                handle,
                xName(feed, entry, origin, handle),
                text,
                time(entry, Snowflake.time(id)),
                "https://x.com/" + handle + "/status/" + id,
                lang(feed),
                null,
                reference,
                externalLinks(body.links(), id),
                body.media(),
                null);
    }

    private static Post.Reference reference(String title) {
        Matcher nitterReply = NITTER_REPLY.matcher(title);
        if (nitterReply.find()) {
            return new Post.Reference("replied_to", null, nitterReply.group(1));
        }
        if (RSSHUB_RETWEET.matcher(title).find()) {
            return new Post.Reference("retweeted", null, null);
        }
        return title.startsWith("Re ") ? new Post.Reference("replied_to", null, null) : null;
    }

    /** Configured name, else the feed's own account name, else what the entry or feed says, else the handle. */
    private String xName(SyndFeed feed, SyndEntry entry, FeedOrigin origin, String handle) {
        String name = displayNames.get(handle.toLowerCase(Locale.ROOT));
        if (name == null && origin.handle() != null && origin.handle().equalsIgnoreCase(handle)) {
            name = origin.authorName();
        }
        String author = blankToNull(entry.getAuthor());
        if (name == null && author != null && !author.startsWith("@")) {
            name = author;
        }
        Matcher nitterTitle = NITTER_FEED_TITLE.matcher(feed.getTitle() == null ? "" : feed.getTitle());
        if (name == null && nitterTitle.matches() && nitterTitle.group(2).equalsIgnoreCase(handle)) {
            name = nitterTitle.group(1).strip();
        }
        return name;
    }

    /**
     * The entry's link made absolute (RFC 3986) against its Atom {@code xml:base} chain or, lacking
     * one, the URL the feed came from. rome leaves relative Atom links as written unless a global
     * static switch is turned on; resolving here keeps that switch alone.
     */
    private static String link(SyndFeed feed, SyndEntry entry, FeedOrigin origin) {
        String link = blankToNull(entry.getLink());
        if (link == null || isAbsolute(link)) {
            return link == null ? null : link.strip();
        }
        try {
            URI base = origin.url() != null && isAbsolute(origin.url())
                    ? URI.create(origin.url().strip())
                    : null;
            if (feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed atomFeed) {
                base = against(base, atomFeed.getXmlBase());
            }
            if (entry.getWireEntry() instanceof com.rometools.rome.feed.atom.Entry atomEntry) {
                base = against(base, atomEntry.getXmlBase());
            }
            return base != null && base.isAbsolute()
                    ? base.resolve(link.strip()).toString()
                    : link;
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    private static URI against(URI base, String xmlBase) {
        if (xmlBase == null || xmlBase.isBlank()) {
            return base;
        }
        URI next = URI.create(xmlBase.strip());
        return base == null || next.isAbsolute() ? next : base.resolve(next);
    }

    private static boolean isAbsolute(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }

    /** Content unless the description is longer: content is the whole post where a feed has both. */
    private static String bodyHtml(SyndEntry entry) {
        String best =
                entry.getDescription() == null ? null : entry.getDescription().getValue();
        for (SyndContent c : entry.getContents()) {
            String v = c.getValue();
            if (v != null && (best == null || v.length() >= best.length())) {
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
