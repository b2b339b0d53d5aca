package dev.aidigest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostCheck;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * What every post a parser hands on must be, checked independently of the code that makes it so:
 * within its column, no control or bidirectional characters, only safe http(s) links, a time that
 * could be real, numbers never negative. The fuzz targets of the parsers assert it on all output.
 */
public final class PostInvariants {

    /** http(s), a host, and nothing a markdown link or an HTML attribute could break out with. */
    public static final Pattern SAFE_LINK = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#@$&*+,;=%]+");

    private static final Pattern X_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern X_HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern MEDIA_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private PostInvariants() {}

    /** Every post, and every skipped entry named with a one-line reason. */
    public static void hold(Parsed parsed, Instant now) {
        assertThat(parsed.unattributed()).isNotNegative();
        parsed.posts().forEach(p -> hold(p, now));
        parsed.skipped().forEach(s -> {
            assertThat(s.entry()).isNotBlank();
            assertThat(s.reason()).isNotBlank().doesNotContain("\n");
        });
    }

    public static void hold(Post p, Instant now) {
        boolean x = p.platform().equals("x");
        assertThat(p.platform()).isIn("x", "rss");
        assertThat(p.platformId()).hasSizeBetween(1, PostCheck.MAX_ID);
        oneLine(p.platformId());
        if (x) {
            assertThat(p.platformId()).matches(X_ID);
            assertThat(p.authorHandle()).matches(X_HANDLE);
        }
        assertThat(p.authorHandle()).hasSizeBetween(1, PostCheck.MAX_HANDLE);
        oneLine(p.authorHandle());
        assertThat(p.authorName()).hasSizeBetween(1, PostCheck.MAX_NAME);
        oneLine(p.authorName());
        assertThat(p.text()).isNotBlank().hasSizeLessThanOrEqualTo(PostCheck.MAX_TEXT);
        clean(p.text(), true);
        int year = p.createdAt().atOffset(ZoneOffset.UTC).getYear();
        assertThat(year)
                .isBetween(PostCheck.FIRST_YEAR, now.atOffset(ZoneOffset.UTC).getYear() + 1);
        assertThat(p.createdAt()).isBeforeOrEqualTo(now.plus(PostCheck.FUTURE_SLACK));
        if (p.url() != null) {
            assertThat(p.url()).matches(SAFE_LINK).hasSizeLessThanOrEqualTo(2000);
        }
        if (p.lang() != null) {
            assertThat(p.lang()).hasSizeLessThanOrEqualTo(PostCheck.MAX_LANG);
        }
        Post.Metrics m = p.metrics();
        assertThat(java.util.stream.LongStream.of(m.likes(), m.reposts(), m.replies(), m.quotes(), m.impressions())
                        .min()
                        .orElse(0))
                .as("metrics %s", m)
                .isNotNegative();
        p.links().forEach(l -> assertThat(l).matches(SAFE_LINK));
        p.media().forEach(l -> assertThat(
                        SAFE_LINK.matcher(l).matches() || MEDIA_KEY.matcher(l).matches())
                .as(l)
                .isTrue());
        assertThat(jsonSize(p.links())).isLessThanOrEqualTo(PostCheck.MAX_LIST_JSON);
        assertThat(jsonSize(p.media())).isLessThanOrEqualTo(PostCheck.MAX_LIST_JSON);
    }

    private static int jsonSize(java.util.List<String> items) {
        return 2 + items.stream().mapToInt(s -> s.length() + 3).sum();
    }

    private static void oneLine(String s) {
        clean(s, false);
        assertThat(s).isEqualTo(s.strip());
    }

    /** No NUL or other C0/C1 control (tab allowed; line breaks when multi-line), no bidi controls, no lone surrogates. */
    public static void clean(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean lineBreak = cp == '\n' || cp == '\r';
            boolean control = (cp < 0x20 && cp != '\t' && !lineBreak) || (cp >= 0x7F && cp <= 0x9F);
            boolean bidi = cp == 0x061C
                    || cp == 0x200E
                    || cp == 0x200F
                    || (cp >= 0x202A && cp <= 0x202E)
                    || (cp >= 0x2066 && cp <= 0x2069);
            boolean loneSurrogate = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
            assertThat(control || bidi || loneSurrogate || (lineBreak && !multiLine))
                    .as("U+%04X in …%s…", cp, s.substring(Math.max(0, i - 60), Math.min(s.length(), i + 20)))
                    .isFalse();
        }
    }
}
