package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.Reply;
import dev.aidigest.json.Jackson;
import dev.aidigest.testing.FuzzedReplies;
import dev.aidigest.testing.PostInvariants;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the Lark cards the bot sends, for any reply (a digest's title, items, summaries in
 * inline markdown, buttons): each part's card, as it travels inside the message's content string, is at most
 * {@link LarkCards#LIMIT} bytes and parses back as the same JSON; the buttons are on the last card only; in
 * each {@code lark_md} text the only markup is ours ({@code **bold**} and {@code [text](safe http(s) link)}):
 * no tag ({@code <at>}, {@code <font>}), no other markdown mark, every {@code &} an entity; no surrogate pair
 * is split.
 * Runs its seed corpus ({@code LarkCardsFuzzTestInputs/}) as a normal test; {@code JAZZER_FUZZ=1} fuzzes.
 */
class LarkCardsFuzzTest {

    private static final Pattern LINK_END = Pattern.compile("\\]\\(([^)]*)\\)");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|#[0-9]{1,7});");

    private final LarkCards cards = new LarkCards(Jackson.json());

    @FuzzTest(maxDuration = "15s")
    void everyPartIsOneCardWithinItsLimitAndOnlyOurMarkup(FuzzedDataProvider data) throws Exception {
        Reply reply = FuzzedReplies.reply(data, 12);

        List<Reply> parts = cards.split(reply, LarkCards.LIMIT);

        assertThat(parts).isNotEmpty();
        for (int i = 0; i < parts.size(); i++) {
            Reply part = parts.get(i);
            assertThat(part.buttons()).isEqualTo(i == parts.size() - 1 ? reply.buttons() : List.of());
            ObjectNode card = cards.card(part, "group");
            assertThat(cards.size(card)).as("bytes sent").isLessThanOrEqualTo(LarkCards.LIMIT);
            String sent = Jackson.json().writeValueAsString(card);
            assertThat(FuzzedReplies.loneSurrogate(sent))
                    .as("a lone surrogate in %s", sent)
                    .isEqualTo(-1);
            JsonNode back = Jackson.json().readTree(sent);
            assertThat(back).isEqualTo(card);
            for (JsonNode element : card.path("elements")) {
                if (element.path("tag").asText().equals("div")) {
                    onlyOurMarkup(element.path("text").path("content").asText());
                }
            }
        }
    }

    /** Fails when {@code md} holds markup other than our bold and links. */
    static void onlyOurMarkup(String md) {
        Matcher link = LINK_END.matcher(md);
        int links = 0;
        while (link.find()) {
            assertThat(link.group(1)).matches(PostInvariants.SAFE_LINK);
            links++;
        }
        String rest = LINK_END.matcher(md).replaceAll("");
        assertThat(rest.chars().filter(c -> c == '[').count())
                .as("each [ opens one of our links: %s", md)
                .isEqualTo(links);
        rest = rest.replace("[", "").replace("**", "");
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            assertThat("<>*_~`]".indexOf(c)).as("a raw %s in %s", c, md).isNegative();
            if (c == '&') {
                assertThat(ENTITY.matcher(rest).region(i, rest.length()).lookingAt())
                        .as("an entity at %d of %s", i, rest)
                        .isTrue();
            }
        }
    }
}
