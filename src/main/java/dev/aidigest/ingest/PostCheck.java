package dev.aidigest.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The limits every post meets before it leaves a parser, so one hostile or broken entry is refused
 * on its own, named, instead of failing the whole batch in the database. Text is cleaned (NUL, other
 * control characters and bidirectional overrides removed) and clipped to its column; what cannot be
 * clipped without changing what the post is (an X id that is not a number, a handle X would not
 * allow, a time in the future or outside 2006 to next year) refuses the entry with a reason.
 */
public final class PostCheck {
    /** Column sizes of the {@code post} table. */
    public static final int MAX_ID = 200;

    public static final int MAX_HANDLE = 100;
    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 40_000;
    public static final int MAX_LANG = 16;
    /** The JSON arrays of links and of media. */
    public static final int MAX_LIST_JSON = 8_000;
    /** A post dated later than now plus this is refused: clocks drift, posts do not come from the future. */
    public static final Duration FUTURE_SLACK = Duration.ofMinutes(10);
    /** No post is older than X (then Twitter) and RSS as used here. */
    public static final int FIRST_YEAR = 2006;

    private static final Pattern X_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern X_HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*");
    private static final Pattern MEDIA_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> REF_TYPES = Set.of("retweeted", "quoted", "replied_to");

    private final Clock clock;

    public PostCheck(Clock clock) {
        this.clock = clock;
    }

    /** Refusal of one entry; the message is one sentence. */
    public static final class BadEntryException extends RuntimeException {
        public BadEntryException(String message) {
            super(message);
        }
    }

    /**
     * The post within every limit.
     *
     * @throws BadEntryException when it cannot be stored as it is
     */
    public Post check(Post p) {
        String platform = p.platform();
        boolean x = "x".equals(platform);
        if (!x && !"rss".equals(platform)) {
            throw new BadEntryException("platform must be x or rss, not '" + shown(platform) + "'.");
        }
        String id = line(p.platformId());
        if (x && !isXId(id)) {
            throw new BadEntryException("the X post id '" + shown(id) + "' is not a number of at most 19 digits.");
        }
        if (id.isEmpty() || id.length() > MAX_ID) {
            throw new BadEntryException("the id is " + id.length() + " characters long, not 1 to " + MAX_ID + ".");
        }
        String handle = line(p.authorHandle());
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        if (x && !X_HANDLE.matcher(handle).matches()) {
            throw new BadEntryException(
                    "the X handle '" + shown(handle) + "' is not 1 to 15 letters, digits or underscores.");
        }
        handle = clip(handle, MAX_HANDLE).strip();
        if (handle.isEmpty()) {
            throw new BadEntryException("the author handle is empty.");
        }
        String text = clip(strip(p.text(), true).strip(), MAX_TEXT).strip();
        if (text.isEmpty()) {
            throw new BadEntryException("the text is empty.");
        }
        Instant created = time(p.createdAt());
        String name = clip(line(p.authorName()), MAX_NAME).strip();
        String url = WebLink.normalize(p.url());
        if (x) {
            url = url != null && url.length() <= WebLink.MAX_LENGTH ? url : "https://x.com/" + handle + "/status/" + id;
        }
        String lang = p.lang() == null ? null : line(p.lang());
        if (lang != null && (lang.length() > MAX_LANG || !LANG.matcher(lang).matches())) {
            lang = null;
        }
        return new Post(
                platform,
                id,
                handle,
                name.isEmpty() ? handle : name,
                text,
                created,
                url,
                lang,
                metrics(p.metrics()),
                reference(p.reference(), x),
                links(p.links(), false),
                links(p.media(), true),
                idOrNull(p.conversationId(), x));
    }

    /** True for a decimal X id that fits a positive 64-bit number (X ids are snowflakes). */
    public static boolean isXId(String id) {
        if (id == null || !X_ID.matcher(id).matches()) {
            return false;
        }
        try {
            Long.parseLong(id);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Text without NUL and the other control characters (tab and, when {@code multiLine}, line breaks
     * kept), without bidirectional embedding, override and isolate controls, without unpaired
     * surrogates and noncharacters.
     */
    public static String strip(String s, boolean multiLine) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean changed = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\r') {
                if (multiLine) {
                    out.append((char) cp);
                } else {
                    out.append(' ');
                    changed = true;
                }
            } else if (dropped(cp)) {
                changed = true;
            } else {
                out.appendCodePoint(cp);
            }
        }
        return changed ? out.toString() : s;
    }

    private static boolean dropped(int cp) {
        return (cp < 0x20 && cp != '\t')
                || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                || cp == 0xFFFE
                || cp == 0xFFFF
                || isBidiControl(cp);
    }

    private static boolean isBidiControl(int c) {
        return c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** One line: controls removed, line breaks become spaces, outer white space gone. */
    private static String line(String s) {
        return strip(s, false).strip();
    }

    /** At most {@code max} chars, never cutting a surrogate pair. */
    static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private Instant time(Instant t) {
        Instant now = clock.instant();
        int year = t.atOffset(ZoneOffset.UTC).getYear();
        int lastYear = now.atOffset(ZoneOffset.UTC).getYear() + 1;
        if (year < FIRST_YEAR || year > lastYear) {
            throw new BadEntryException(
                    "created_at " + t + " is outside the years " + FIRST_YEAR + " to " + lastYear + ".");
        }
        if (t.isAfter(now.plus(FUTURE_SLACK))) {
            throw new BadEntryException("created_at " + t + " is in the future (now is " + now + ").");
        }
        return t;
    }

    private static Post.Metrics metrics(Post.Metrics m) {
        return new Post.Metrics(
                Math.max(0, m.likes()),
                Math.max(0, m.reposts()),
                Math.max(0, m.replies()),
                Math.max(0, m.quotes()),
                Math.max(0, m.impressions()));
    }

    private static Post.Reference reference(Post.Reference r, boolean x) {
        if (r == null || !REF_TYPES.contains(r.type())) {
            return null;
        }
        String refId = idOrNull(r.platformId(), x);
        String author = r.authorHandle() == null ? null : line(r.authorHandle());
        if (author != null && author.startsWith("@")) {
            author = author.substring(1);
        }
        if (author != null
                && (author.isEmpty() || (x ? !X_HANDLE.matcher(author).matches() : author.length() > MAX_HANDLE))) {
            author = null;
        }
        return new Post.Reference(r.type(), refId, author);
    }

    private static String idOrNull(String id, boolean x) {
        if (id == null) {
            return null;
        }
        String s = line(id);
        if (s.isEmpty() || s.length() > MAX_ID || (x && !isXId(s))) {
            return null;
        }
        return s;
    }

    /** Safe http(s) links (media may also be X media keys), as many as fit the column. */
    private static List<String> links(List<String> in, boolean media) {
        List<String> out = new ArrayList<>();
        int json = 2;
        for (String raw : in) {
            String l = raw == null ? null : WebLink.normalize(raw);
            if (l == null
                    && media
                    && raw != null
                    && MEDIA_KEY.matcher(raw.strip()).matches()) {
                l = raw.strip();
            }
            if (l == null || out.contains(l)) {
                continue;
            }
            int cost = l.length() + 3;
            if (json + cost > MAX_LIST_JSON) {
                break;
            }
            json += cost;
            out.add(l);
        }
        return out;
    }

    /** A stable id of at most 71 characters for a feed entry whose guid or link is longer than {@link #MAX_ID}. */
    public static String shortId(String id) {
        if (id.length() <= MAX_ID) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value of the input quoted in a message: one line, at most 40 characters. */
    public static String shown(String s) {
        String one = line(s);
        return one.length() <= 40 ? one : clip(one, 37) + "...";
    }
}
