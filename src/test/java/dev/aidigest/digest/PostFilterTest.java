package dev.aidigest.digest;

import static dev.aidigest.digest.TestPosts.post;
import static dev.aidigest.digest.TestPosts.withReference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.PostFilter.Reason;
import dev.aidigest.ingest.Post;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostFilterTest {

    private static final Instant T = Instant.parse("2025-11-26T05:00:00Z");
    private final PostFilter filter = PostFilter.fromConfigDir(null);

    private static StoredPost text(long id, String text) {
        return post(id, "someone", text, T, 10, null);
    }

    @Test
    void keepsAiPostsInEnglishAndChinese() {
        assertThat(filter.reasonToDrop(text(1, "Meta just released SAM 3, segment anything with text prompts")
                        .post()))
                .isNull();
        assertThat(filter.reasonToDrop(text(2, "智谱发布新的开源大模型，编程能力提升明显").post())).isNull();
        assertThat(filter.reasonToDrop(text(3, "Whisper Thunder is now #1 on the text-to-video arena")
                        .post()))
                .isNull();
        assertThat(filter.reasonToDrop(
                        text(4, "Everyone is talking about GPT-5 today").post()))
                .as("product-like name")
                .isNull();
    }

    @Test
    void dropsChatterWithoutAnAiSignal() {
        assertThat(filter.reasonToDrop(text(1, "Good morning ☀️").post())).isEqualTo(Reason.TOO_SHORT);
        assertThat(filter.reasonToDrop(text(2, "早上好").post())).isEqualTo(Reason.TOO_SHORT);
        assertThat(filter.reasonToDrop(text(3, "周末去吃了一家超好吃的火锅，强烈推荐").post())).isEqualTo(Reason.OFF_TOPIC);
        assertThat(filter.reasonToDrop(text(4, "What a game last night, the Lakers finally won 120-110")
                        .post()))
                .isEqualTo(Reason.OFF_TOPIC);
        assertThat(filter.reasonToDrop(text(5, "Can't believe the election results this year, wow")
                        .post()))
                .isEqualTo(Reason.OFF_TOPIC);
        assertThat(filter.reasonToDrop(text(6, "https://t.co/abc123XYZ").post()))
                .isEqualTo(Reason.TOO_SHORT);
    }

    @Test
    void dropsRetweetsAndRepliesToOthersButKeepsThreadsAndQuotes() {
        String ai = "The new reasoning model from DeepSeek is impressive on math";
        StoredPost retweet = withReference(
                text(1, "RT @deepseek_ai: " + ai), new Post.Reference("retweeted", "9", "deepseek_ai"), "1");
        StoredPost reply = withReference(text(2, ai), new Post.Reference("replied_to", "9", "karpathy"), "9");
        StoredPost thread = withReference(text(3, "2/ " + ai), new Post.Reference("replied_to", "9", "someone"), "9");
        StoredPost quote =
                withReference(text(4, "Worth reading: " + ai), new Post.Reference("quoted", "9", "karpathy"), "4");

        PostFilter.Result r = filter.apply(List.of(retweet, reply, thread, quote));

        assertThat(r.kept()).containsExactly(thread, quote);
        assertThat(r.dropped())
                .containsEntry(Reason.RETWEET, 1)
                .containsEntry(Reason.REPLY_TO_OTHER, 1)
                .containsEntry(Reason.TOO_SHORT, 0)
                .containsEntry(Reason.OFF_TOPIC, 0);
        assertThat(r.droppedTotal()).isEqualTo(2);
    }

    @Test
    void countsEveryDroppedPostByReason() {
        PostFilter.Result r = filter.apply(List.of(
                text(1, "晚安"),
                text(2, "Happy Thanksgiving to all who celebrate 🦃"),
                text(3, "Coffee first, then everything else"),
                text(4, "Claude Opus 4.5 is out and it is very good at code")));

        assertThat(r.kept()).extracting(StoredPost::id).containsExactly(4L);
        assertThat(r.dropped()).containsEntry(Reason.TOO_SHORT, 1).containsEntry(Reason.OFF_TOPIC, 2);
    }

    @Test
    void readsExtraTermsFromTheConfigDirectory(@TempDir Path dir) throws Exception {
        StoredPost cooking = text(1, "Our sourdough fermentation lab results are in");
        assertThat(PostFilter.fromConfigDir(dir).reasonToDrop(cooking.post())).isEqualTo(Reason.OFF_TOPIC);

        Files.writeString(dir.resolve("filter-terms.txt"), "# ours\nsourdough\n");

        assertThat(PostFilter.fromConfigDir(dir).reasonToDrop(cooking.post())).isNull();
    }
}
