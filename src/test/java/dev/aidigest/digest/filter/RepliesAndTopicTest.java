package dev.aidigest.digest.filter;

import static dev.aidigest.digest.filter.Posts.post;
import static dev.aidigest.digest.filter.Posts.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.filter.PostFilter.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies that stand alone or not, threads that continue a kept post, and chatter that names a product. */
class RepliesAndTopicTest {

    private final PostFilter filter = PostFilter.fromConfigDir(null, List.of("dotey", "simonw", "swyx"));

    private Reason judge(StoredPost p) {
        return filter.reasonToDrop(p.post());
    }

    @Test
    void aShortOrContextFreeReplyToSomeoneElseIsDropped() {
        assertThat(judge(reply(1, "dotey", "kenji_ml", 9, "@kenji_ml nice, congrats!")))
                .isEqualTo(Reason.REPLY_TO_OTHER);
        assertThat(judge(reply(2, "dotey", "simonw", 9, "@simonw 哈哈"))).isEqualTo(Reason.REPLY_TO_OTHER);
        assertThat(judge(reply(3, "simonw", "dev", 9, "@dev Ha, yes, I should add a cache for that one day")))
                .as("eleven words and no fact")
                .isEqualTo(Reason.REPLY_TO_OTHER);
        assertThat(judge(reply(4, "dotey", "zhang", 9, "@zhang 可以的，链接已经更新了，感谢你的反馈和耐心")))
                .isEqualTo(Reason.REPLY_TO_OTHER);
    }

    @Test
    void aReplyThatCarriesItsOwnNewsStays() {
        assertThat(judge(reply(
                        1,
                        "swyx",
                        "simonw",
                        9,
                        "@simonw also worth noting: gpt-5.2-chat-latest is the Instant model in the API, same price")))
                .isNull();
        assertThat(judge(reply(
                        2,
                        "dotey",
                        "simonw",
                        9,
                        "@simonw 补充一个细节：Bun 团队整体加入 Anthropic，路线图不变，会继续做 Node.js 兼容性，Claude Code 只是最大的用户之一")))
                .isNull();
    }

    @Test
    void aThreadPostSayingLittleAloneStaysWhenThePostItContinuesIsKept() {
        StoredPost first = post(1, "dotey", "Gemini 3 Flash is rolling out today in the app and the API, 3x faster");
        StoredPost second = reply(2, "dotey", "dotey", 1, "More on the blog, and a short video below.");
        StoredPost third = reply(3, "dotey", "dotey", 2, "That's all for now.");
        StoredPost chatter = post(4, "dotey", "Good morning, coffee first ☕ then a long walk");
        StoredPost afterChatter = reply(5, "dotey", "dotey", 4, "It is sunny again today here.");

        PostFilter.Result r = filter.apply(List.of(third, second, first, chatter, afterChatter));

        assertThat(judge(second)).as("alone").isEqualTo(Reason.OFF_TOPIC);
        assertThat(r.kept()).containsExactly(third, second, first);
        assertThat(r.reasons()).containsEntry(4L, Reason.OFF_TOPIC).containsEntry(5L, Reason.OFF_TOPIC);
    }

    @Test
    void chatterThatNamesAProductInPassingIsOffTopic() {
        assertThat(judge(post(1, "dotey", "儿子问我天为什么是蓝的，我说去问豆包，他说豆包说的跟老师不一样 😂")))
                .isEqualTo(Reason.OFF_TOPIC);
        assertThat(judge(post(2, "dotey", "早安，今天又被 GPT-5.2 刷屏了 ☕"))).isEqualTo(Reason.OFF_TOPIC);
        assertThat(judge(post(3, "swyx", "Rainy afternoon. Perfect coding weather.")))
                .isEqualTo(Reason.OFF_TOPIC);
        assertThat(judge(post(4, "swyx", "Asked ChatGPT what to cook tonight, ordered pizza anyway")))
                .isEqualTo(Reason.OFF_TOPIC);
        assertThat(judge(post(5, "someone", "Off to NeurIPS, stuck at the airport again")))
                .as("travel")
                .isEqualTo(Reason.OFF_TOPIC);
        assertThat(judge(post(6, "someone", "期末了，这学期最累的一周：140 篇论文还没改完")))
                .as("a teacher's week")
                .isEqualTo(Reason.OFF_TOPIC);
    }

    @Test
    void newsWithEverydayWordsStaysOnTopic() {
        assertThat(judge(post(1, "dotey", "Sora 2 can now turn a family photo into a holiday video")))
                .as("a news word")
                .isNull();
        assertThat(judge(post(2, "dotey", "豆包手机助手发布，可以跨 App 帮你订外卖")))
                .as("two signs of AI")
                .isNull();
        assertThat(judge(post(3, "dotey", "Nano Banana Pro 的天气卡片提示词，换个城市名就能用：俯视视角，微缩城市场景，包含地标，上方是当前天气，顶部写城市名、日期和温度")))
                .as("long: about the prompt, not the weather")
                .isNull();
        assertThat(judge(post(4, "dotey", "失眠，起来看发布会"))).as("发布 counted once").isEqualTo(Reason.OFF_TOPIC);
    }

    @Test
    void aNameWithItsVersionWrittenApartIsAProduct() {
        assertThat(judge(post(1, "dotey", "Seedream 5.0 改图里的字太好用了：上传一张旧海报，一次就对。")))
                .isNull();
        assertThat(judge(
                        post(2, "dotey", "And one more thing: Hailuo 03 🎬 Native 1080p, 10-second clips with sound.")))
                .isNull();
        assertThat(judge(post(3, "dotey", "Eleven v4 clones a voice in real time from ten seconds of audio.")))
                .isNull();
        assertThat(judge(post(4, "dotey", "Game 7 tonight, March 15, and we are in the Top 10 again")))
                .as("counts and dates are no versions")
                .isEqualTo(Reason.OFF_TOPIC);
        assertThat(judge(post(5, "dotey", "The iPhone 18 camera is great for my holiday photos")))
                .isEqualTo(Reason.OFF_TOPIC);
    }
}
