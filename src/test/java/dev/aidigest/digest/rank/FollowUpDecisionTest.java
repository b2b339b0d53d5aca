package dev.aidigest.digest.rank;

import static dev.aidigest.digest.TestPosts.axis;
import static dev.aidigest.digest.TestPosts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig.DigestConfig;
import dev.aidigest.digest.Entities;
import dev.aidigest.digest.FakeDigests;
import dev.aidigest.digest.FakePosts;
import dev.aidigest.digest.Slot;
import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.cluster.Background;
import dev.aidigest.digest.cluster.Centring;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the repeat guard decides for a story an earlier digest told, in English and Chinese: news
 * (a price, a rollout to everyone, a new figure) makes a follow-up that says what is new; the same
 * facts again, by whoever and in whichever language, make a repeat that is left out.
 */
class FollowUpDecisionTest {

    private static final Slot SLOT = Slot.parse("2025.12.08.20", ZoneId.of("Asia/Shanghai"));
    private static final Instant NOW = SLOT.windowStart().plus(Duration.ofHours(1));
    private static final Instant EARLIER = SLOT.windowStart().minus(Duration.ofHours(2));

    private final FakePosts posts = new FakePosts();
    private final FakeDigests digests = new FakeDigests();
    /** A zero background: the few hand-made vectors of a test are not centred on each other. */
    private static final Background ZERO = new Background(new float[512], new float[512]);

    private final RepeatGuard guard =
            new RepeatGuard(posts, digests, new DigestConfig(10, 17, 24, "", ""), Entities.standard(), ZERO);

    /** Tells {@code earlier} in the digest before and returns the guard's decision on {@code now}. */
    private FollowUp decide(List<StoredPost> earlier, StoredPost... now) {
        posts.add(earlier.toArray(StoredPost[]::new)).add(now);
        digests.told(
                SLOT.windowStart(),
                "2025.12.08.16",
                "earlier item",
                earlier.stream().map(StoredPost::id).toList());
        RankedStory story = new RankedStory(new Story(List.of(now)), 1.0, false);
        List<RankedStory> judged = guard.judge(List.of(story), SLOT, Centring.of(List.of(now), ZERO));
        assertThat(judged).hasSize(1);
        return judged.get(0).decision();
    }

    private static final List<StoredPost> NOVA_LAUNCH = List.of(
            post(
                    1,
                    "novalabs",
                    "Introducing Nova-7, our open coding model: 41B active parameters, 256K context, Apache 2.0. Available in our app today.",
                    EARLIER,
                    900,
                    axis(1)),
            post(2, "simonw", "Nova-7 is out and it is good at SVG pelicans.", EARLIER, 300, axis(1)));

    @Test
    void aPricingAnnouncementAfterTheLaunchIsAFollowUpThatSaysThePrice() {
        FollowUp d = decide(
                NOVA_LAUNCH,
                post(3, "novalabs", "Nova-7 API pricing: $0.27 / $1.10 per 1M tokens.", NOW, 800, axis(1)));

        assertThat(d.kind()).isEqualTo(FollowUp.Kind.FOLLOW_UP);
        assertThat(d.earlier().slot()).isEqualTo("2025.12.08.16");
        assertThat(d.news()).extracting(News::signal).contains(News.Signal.PRICING);
        assertThat(d.whatIsNew()).startsWith("pricing: ").contains("$0.27", "$1.10 per 1M");
        assertThat(d.clauses()).first().asString().contains("$0.27");
    }

    @Test
    void aChinesePricingAnnouncementAfterAChineseLaunchIsAFollowUp() {
        List<StoredPost> launch =
                List.of(post(1, "zai_org", "智谱发布 GLM-5 编程模型，激活 32B，支持 128K 上下文。", EARLIER, 900, axis(2)));

        FollowUp d = decide(launch, post(2, "qbitai", "GLM-5 API 定价公布：输入每百万 tokens 2 元，输出 8 元。", NOW, 500, axis(2)));

        assertThat(d.kind()).isEqualTo(FollowUp.Kind.FOLLOW_UP);
        assertThat(d.news())
                .filteredOn(n -> n.signal() == News.Signal.PRICING)
                .extracting(News::fact)
                .contains("2 元", "8 元");
    }

    @Test
    void aRetellingOfTheLaunchBySomeoneNewIsARepeat() {
        FollowUp d = decide(
                NOVA_LAUNCH,
                post(
                        3,
                        "_akhaliq",
                        "Nova-7 is out: 41B active, 256K context, Apache 2.0 licensed. Big day for open models.",
                        NOW,
                        400,
                        axis(1)));

        assertThat(d.kind()).isEqualTo(FollowUp.Kind.REPEAT_DROPPED);
        assertThat(d.earlier().headline()).isEqualTo("earlier item");
        assertThat(d.explain()).startsWith("left out: repeats 2025.12.08.16");
    }

    @Test
    void aChineseRetellingOfAnEnglishLaunchIsARepeat() {
        FollowUp d = decide(
                NOVA_LAUNCH, post(3, "op7418", "Nova-7 发布了：激活参数 41B，256K 上下文，Apache 2.0 开源，今天就能用。", NOW, 400, axis(1)));

        assertThat(d.kind()).as(d.explain()).isEqualTo(FollowUp.Kind.REPEAT_DROPPED);
    }

    @Test
    void aRolloutToAllUsersIsAFollowUp() {
        List<StoredPost> coming = List.of(post(
                1,
                "googledeepmind",
                "Gemini Deep Think is coming to Ultra subscribers in the coming days.",
                EARLIER,
                900,
                axis(3)));

        FollowUp d = decide(
                coming, post(2, "sundarpichai", "Deep Think is now available to all Gemini users.", NOW, 900, axis(3)));

        assertThat(d.kind()).isEqualTo(FollowUp.Kind.FOLLOW_UP);
        assertThat(d.news()).extracting(News::signal).contains(News.Signal.WIDER_ROLLOUT);
        assertThat(d.whatIsNew()).contains("wider rollout: ");
    }

    @Test
    void aChineseRolloutToEveryoneIsAFollowUp() {
        List<StoredPost> coming = List.of(post(1, "dotey", "Deep Think 要来了，这几天先给 Ultra 订阅用户。", EARLIER, 900, axis(3)));

        FollowUp d = decide(coming, post(2, "imxiaohu", "Deep Think 今天起向所有用户开放。", NOW, 500, axis(3)));

        assertThat(d.kind()).isEqualTo(FollowUp.Kind.FOLLOW_UP);
        assertThat(d.clauses()).containsExactly("Deep Think 今天起向所有用户开放");
    }

    @Test
    void theSameNumbersAgainInTheOtherLanguageAreARepeat() {
        List<StoredPost> told = List.of(post(
                1,
                "peterdiamandis",
                "Amazon unveiled Trainium3: 144 chips per system, 4.4x the compute of Trainium2, 40% better efficiency, $1B of orders.",
                EARLIER,
                900,
                axis(4)));

        FollowUp d = decide(
                told,
                post(
                        2,
                        "qbitai",
                        "亚马逊 Trainium3：单系统 144 颗芯片，算力是 Trainium2 的 4.4 倍，能效提升 40%，订单 10 亿美元。",
                        NOW,
                        500,
                        axis(4)));

        assertThat(d.kind()).as(d.explain()).isEqualTo(FollowUp.Kind.REPEAT_DROPPED);
    }

    @Test
    void aNewFigureOnTheSameStoryIsAFollowUp() {
        List<StoredPost> told = List.of(post(
                1,
                "peterdiamandis",
                "AWS unveiled Trainium3: 144 chips per system, 4.4x the compute of Trainium2.",
                EARLIER,
                900,
                axis(4)));

        FollowUp d = decide(
                told,
                post(
                        2,
                        "swyx",
                        "Trainium3: 144 chips per system, and it ships Dec 15 at 40% lower cost per token.",
                        NOW,
                        500,
                        axis(4)));

        assertThat(d.kind()).isEqualTo(FollowUp.Kind.FOLLOW_UP);
        assertThat(d.news()).extracting(News::fact).contains("Dec 15", "40%").doesNotContain("144 chips");
    }

    @Test
    void aStoryNoEarlierItemToldIsNew() {
        FollowUp d = decide(
                NOVA_LAUNCH,
                post(3, "karpathy", "nanochat now has an RL stage: GSM8K from 7.6% to 19.4%.", NOW, 900, axis(5)));

        assertThat(d).isEqualTo(FollowUp.NEW);
        assertThat(d.explain()).startsWith("new");
    }
}
