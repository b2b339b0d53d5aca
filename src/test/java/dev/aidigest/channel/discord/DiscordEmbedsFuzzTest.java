package dev.aidigest.channel.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.ReplySplitter;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.FuzzedReplies;
import dev.aidigest.testing.PostInvariants;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of what the bot sends to Discord, for any reply (a digest's title, items, summaries
 * in inline markdown, buttons), through {@link DiscordEmbeds#split} and {@link DiscordEmbeds#message}: every
 * part is one message of 1 to 10 embeds, a title of at most 256 characters and not blank, descriptions of at
 * most 4096, 6000 in all, at most five buttons with labels of 1 to 80 characters and ids of 1 to 100 on the
 * last part only; JDA builds it without refusing; its JSON parses back; every markdown link is a safe http(s)
 * link; no surrogate pair is split.
 * Runs its seed corpus ({@code DiscordEmbedsFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DiscordEmbedsFuzzTest {

    /** {@code [text](target)} as our markdown writes it: brackets and parentheses in text are escaped. */
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\]\\(([^)]*)\\)");

    private final DiscordJson json = new DiscordJson(Jackson.json());

    @FuzzTest(maxDuration = "15s")
    void everyPartIsOneDiscordMessageWithinItsLimits(FuzzedDataProvider data) throws Exception {
        Reply reply = FuzzedReplies.reply(data, 12);

        List<Reply> parts = DiscordEmbeds.split(reply);

        assertThat(parts).isNotEmpty();
        for (int i = 0; i < parts.size(); i++) {
            Reply part = parts.get(i);
            boolean last = i == parts.size() - 1;
            DiscordEmbeds.Message m = DiscordEmbeds.message(part);
            if (reply.blocks().stream().anyMatch(b -> !ReplySplitter.blank(DiscordEmbeds.markdown(b)))) {
                assertThat(m.embeds().size() + m.buttons().size())
                        .as("a part of a reply that shows something shows something")
                        .isPositive();
            }
            assertThat(m.embeds()).hasSizeLessThanOrEqualTo(DiscordEmbeds.EMBEDS);
            assertThat(m.size()).isLessThanOrEqualTo(DiscordEmbeds.MESSAGE);
            for (DiscordEmbeds.Embed e : m.embeds()) {
                if (e.title() != null) {
                    assertThat(e.title()).isNotBlank().hasSizeLessThanOrEqualTo(DiscordEmbeds.TITLE);
                    assertThat(FuzzedReplies.loneSurrogate(e.title())).isEqualTo(-1);
                }
                assertThat(e.description()).hasSizeLessThanOrEqualTo(DiscordEmbeds.DESCRIPTION);
                assertThat(FuzzedReplies.loneSurrogate(e.description()))
                        .as("a lone surrogate in %s", e.description())
                        .isEqualTo(-1);
                Matcher link = LINK.matcher(e.description());
                while (link.find()) {
                    assertThat(link.group(1)).matches(PostInvariants.SAFE_LINK);
                }
            }
            assertThat(m.buttons()).hasSizeLessThanOrEqualTo(last ? DiscordEmbeds.BUTTONS : 0);
            for (Reply.Button b : m.buttons()) {
                assertThat(b.label()).hasSizeBetween(1, 80);
                assertThat(b.action()).hasSizeBetween(1, 100);
                assertThat(FuzzedReplies.loneSurrogate(b.label() + b.action())).isEqualTo(-1);
            }
            if (!m.embeds().isEmpty() || !m.buttons().isEmpty()) {
                DiscordChannel.create(m); // JDA checks Discord's limits itself and throws on a breach
            }
            ObjectNode sent = json.message(m);
            JsonNode back = Jackson.json().readTree(Jackson.json().writeValueAsBytes(sent));
            assertThat(back).isEqualTo(sent);
        }
    }
}
