package dev.aidigest.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostCheck;
import dev.aidigest.ingest.PostParser;
import dev.aidigest.ingest.StrictDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 and Atom 1.0 feeds, hostile ones included: DTDs are refused (so neither external
 * entities like {@code file:///etc/passwd} nor entity-expansion bombs are ever processed), input
 * over the size limit is refused without reading it whole, and text that breaks its encoding is
 * refused. Entries of RSSHub/Nitter twitter routes become X posts ({@link FeedEntryMapper}).
 */
public final class FeedParser implements PostParser {
    /** Deeper element nesting than this is refused: real feeds, XHTML content included, stay far below. */
    static final int MAX_DEPTH = 200;

    private final FeedEntryMapper mapper;
    private final PostCheck check;

    /** @param displayNames handle (lower case) → display name as configured, for twitter routes */
    public FeedParser(Map<String, String> displayNames, Clock clock) {
        this.mapper = new FeedEntryMapper(displayNames, clock);
        this.check = new PostCheck(clock);
    }

    /**
     * A file to import.
     *
     * @throws BadInputException also when it has entries and not one of them is a post
     */
    @Override
    public Parsed parse(byte[] content) {
        return parse(content, FeedOrigin.NONE).importable("feed", "entries");
    }

    /** Reads at most {@code maxBytes} from {@code in}; a longer stream is refused. */
    public Parsed parse(InputStream in, long maxBytes, FeedOrigin origin) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new BadInputException("Cannot read the feed: " + e.getMessage() + ".", e);
        }
        if (bytes.length > maxBytes) {
            throw new BadInputException("The feed is larger than " + maxBytes + " bytes (ingest.max_feed_bytes).");
        }
        return parse(bytes, origin);
    }

    /**
     * Parses a whole feed.
     *
     * @throws BadInputException when it is not a feed, declares a DTD, or is badly encoded
     */
    public Parsed parse(byte[] content, FeedOrigin origin) {
        String text = StrictDecoder.decode(content, XmlCharset.of(content), "The feed");
        SyndFeed feed = build(text);
        List<Post> posts = new ArrayList<>();
        List<Parsed.Skipped> skipped = new ArrayList<>();
        int unattributed = 0;
        int position = 0;
        for (SyndEntry entry : feed.getEntries()) {
            position++;
            Post post;
            try {
                post = mapper.map(feed, entry, origin);
                post = post == null ? null : check.check(post);
            } catch (PostCheck.BadEntryException e) {
                skipped.add(new Parsed.Skipped(entryName(position, entry), e.getMessage()));
                continue;
            }
            if (post == null) {
                unattributed++;
            } else {
                posts.add(post);
            }
        }
        return new Parsed(posts, unattributed, skipped);
    }

    /** {@code feed entry 3 (<title>)}: its position, and its title cut short, to find it in the file. */
    private static String entryName(int position, SyndEntry entry) {
        String title = PostCheck.shown(entry.getTitle());
        return "feed entry " + position + (title.isEmpty() ? "" : " (" + title + ")");
    }

    private static SyndFeed build(String xml) {
        refuseDeepNesting(xml);
        SyndFeedInput input = new SyndFeedInput();
        // rome's default already; said again because this is what keeps XXE and entity bombs out
        input.setAllowDoctypes(false);
        // keeps the Atom entries, whose links rome has resolved against xml:base
        input.setPreserveWireFeed(true);
        try {
            return input.build(new StringReader(xml));
        } catch (FeedException | IllegalArgumentException e) {
            throw new BadInputException(reason(e), e);
        }
    }

    /**
     * rome and JDOM walk elements recursively: a few thousand nested elements (in a description, say)
     * overflow the stack. A streaming pass, which holds no stack per level, refuses such a feed first.
     * Anything else wrong with the XML is left for rome to name.
     */
    private static void refuseDeepNesting(String xml) {
        if (depthOver(xml, MAX_DEPTH)) {
            throw new BadInputException(
                    "The feed nests elements more than " + MAX_DEPTH + " deep, which no feed needs.");
        }
    }

    private static boolean depthOver(String xml, int max) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    return false;
                } else if (event == XMLStreamConstants.START_ELEMENT && ++depth > max) {
                    return true;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException notWellFormed) {
            // rome reports it, in its own words (the JDK's StAX can even fail to format its own message)
        }
        return false;
    }

    private static String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("DOCTYPE")) {
                return "The feed declares a DOCTYPE, which is refused: DTDs and entities are off for safety.";
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "The feed is not valid RSS or Atom: " + (m.endsWith(".") ? m : m + ".");
    }
}
