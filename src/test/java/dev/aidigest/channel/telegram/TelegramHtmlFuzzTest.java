package dev.aidigest.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.ReplySplitter;
import dev.aidigest.testing.FuzzedReplies;
import dev.aidigest.testing.PostInvariants;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Coverage-guided fuzzing of what the bot sends to Telegram, for any reply (a digest's title, items, summaries
 * in inline markdown, buttons): each part is HTML of Telegram's subset as it parses it, only {@code <b>} and
 * {@code <a href>} with a safe http(s) link, tags balanced and nested, text escaped with the four named
 * entities or numeric ones, at most 4096 characters of text once parsed, no surrogate pair split; the
 * buttons ride on the last part alone, their callback data within 64 bytes; and a part's plain-text
 * fallback (sent when Telegram cannot parse its HTML) is one message too.
 * Runs its seed corpus ({@code TelegramHtmlFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class TelegramHtmlFuzzTest {

    private static final Pattern TAG = Pattern.compile("<(/?)(b|a)( href=\"([^\"<>]*)\")?>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    @FuzzTest(maxDuration = "15s")
    void everyPartIsTelegramHtmlWithinItsLimits(FuzzedDataProvider data) {
        Reply reply = FuzzedReplies.reply(data, 12);

        List<Reply> parts = TelegramHtml.split(reply, TelegramHtml.LIMIT);

        assertThat(parts).isNotEmpty();
        boolean showsSomething = !ReplySplitter.blank(
                Parser.unescapeEntities(TelegramHtml.render(reply).replaceAll("<[^>]*>", ""), false));
        for (int i = 0; i < parts.size(); i++) {
            Reply part = parts.get(i);
            String html = TelegramHtml.render(part);
            assertThat(textLength(html)).as("text once parsed").isLessThanOrEqualTo(TelegramHtml.LIMIT);
            if (showsSomething) {
                assertThat(ReplySplitter.blank(Parser.unescapeEntities(html.replaceAll("<[^>]*>", ""), false)))
                        .as("a part that shows nothing: Telegram refuses it")
                        .isFalse();
            }
            assertThat(part.buttons()).isEqualTo(i == parts.size() - 1 ? reply.buttons() : List.of());
            assertThat(TelegramHtml.plainParts(part, TelegramHtml.LIMIT))
                    .as("its plain-text fallback is one message: a failure mid-way cannot resend half a part")
                    .hasSize(1);
        }
        reply.buttons().forEach(b -> {
            String data64 = TelegramChannel.callbackData(b.action());
            assertThat(data64.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
            assertThat(FuzzedReplies.loneSurrogate(data64))
                    .as("callback data %s", data64)
                    .isEqualTo(-1);
        });
    }

    /**
     * Reads {@code html} as Telegram's parser does and fails on anything it would refuse or we never mean to
     * send; returns the length of the text it shows, in UTF-16 units as Telegram counts.
     */
    static int textLength(String html) {
        Deque<String> open = new ArrayDeque<>();
        int text = 0;
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html).region(i, html.length());
                assertThat(m.lookingAt())
                        .as("a tag Telegram allows at %d: %s", i, around(html, i))
                        .isTrue();
                boolean closing = !m.group(1).isEmpty();
                String name = m.group(2);
                if (closing) {
                    assertThat(m.group(3)).isNull();
                    assertThat(open.poll())
                            .as("</%s> closes what is open at %d", name, i)
                            .isEqualTo(name);
                } else {
                    assertThat(open).as("no <%s> inside itself", name).doesNotContain(name);
                    assertThat(m.group(3) != null).as("href on <a> only").isEqualTo(name.equals("a"));
                    if (name.equals("a")) {
                        assertThat(unescape(m.group(4))).matches(PostInvariants.SAFE_LINK);
                    }
                    open.push(name);
                }
                i = m.end();
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                assertThat(m.lookingAt())
                        .as("an entity at %d: %s", i, around(html, i))
                        .isTrue();
                text += unescape(m.group()).length();
                i = m.end();
            } else {
                assertThat(c).as("a raw > at %d", i).isNotEqualTo('>');
                assertThat(Character.isSurrogate(c)
                                && !(Character.isHighSurrogate(c)
                                        && i + 1 < html.length()
                                        && Character.isLowSurrogate(html.charAt(i + 1))))
                        .as("a lone surrogate at %d", i)
                        .isFalse();
                int n = Character.isHighSurrogate(c) ? 2 : 1;
                text += n;
                i += n;
            }
        }
        assertThat(open).as("tags left open").isEmpty();
        return text;
    }

    private static String unescape(String s) {
        return Parser.unescapeEntities(s, true);
    }

    private static String around(String s, int i) {
        return s.substring(Math.max(0, i - 20), Math.min(s.length(), i + 40));
    }
}
