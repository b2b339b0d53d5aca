package dev.aidigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.command.TopicCategories;
import dev.aidigest.search.TermMatch;
import dev.aidigest.search.Tokenizer;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.OutboxStore;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.FakeChannel;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import dev.aidigest.text.Aliases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicDeliveryTest {
    static final ChatRef ROBOTS = new ChatRef("telegram", "-1", ChatRef.Kind.GROUP);
    static final ChatRef NVIDIA = new ChatRef("telegram", "-2", ChatRef.Kind.GROUP);
    static final ChatRef NOTHING_QUIET = new ChatRef("telegram", "-3", ChatRef.Kind.GROUP);
    static final ChatRef NOTHING_TOLD = new ChatRef("telegram", "-4", ChatRef.Kind.GROUP);
    static final ChatRef ALL = new ChatRef("telegram", "-5", ChatRef.Kind.GROUP);

    final Database db = TestDb.h2();
    final TestClock clock = new TestClock(Instant.parse("2025-11-26T08:00:00Z"));
    final SubscriptionStore subs = new SubscriptionStore(db, clock);
    final OutboxStore queue = new OutboxStore(db);
    final FakeChannel channel = new FakeChannel(20);
    final DeliveryWorker worker = new DeliveryWorker(
            queue,
            dev.aidigest.command.DigestReplies.messages(
                    new ArchiveStore(db), new TermMatch(new Tokenizer(Aliases.bundled()))),
            subs,
            List.of(channel),
            new DeliverySettings(10, Duration.ofSeconds(30), Duration.ofSeconds(1), 3, Duration.ofSeconds(5)),
            null,
            clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aChatWithTopicsGetsOnlyTheItemsOnThemOfTheOneDigestAndAnEmptySelectionAsItChose() {
        long digest = TestDb.insertDigest(db, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 4, 60);
        headline(digest, 1, "Figure 发布人形机器人 Figure 03");
        headline(digest, 2, "Runway 推出视频生成模型 Gen-5");
        headline(digest, 3, "Nvidia 财报超预期，数据中心收入创新高");
        headline(digest, 4, "OpenAI 发布 GPT-5.1");
        subs.subscribe(ROBOTS, Plan.DIGEST, List.of("机器人", "视频生成"), false, "1");
        subs.subscribe(NVIDIA, Plan.DIGEST, List.of("英伟达"), false, "1");
        subs.subscribe(NOTHING_QUIET, Plan.DIGEST, List.of("量子计算"), false, "1");
        subs.subscribe(NOTHING_TOLD, Plan.DIGEST, List.of("量子计算"), true, "1");
        subs.subscribe(ALL, Plan.DIGEST, "1");
        new Outbox(queue, clock).publish(digest);

        for (int i = 0; i < 10; i++) {
            worker.drain(() -> true);
            clock.advance(Duration.ofSeconds(2));
        }

        String robots = channel.to("-1").get(0).text();
        assertThat(robots).contains("人形机器人", "视频生成模型").doesNotContain("Nvidia", "GPT-5.1");
        String nvidia = channel.to("-2").get(0).text();
        assertThat(nvidia).contains("Nvidia 财报").doesNotContain("机器人", "GPT-5.1");
        assertThat(channel.to("-3")).isEmpty();
        assertThat(channel.to("-4")).hasSize(1);
        assertThat(channel.to("-4").get(0).text()).isEqualTo("2025.11.26.16 期 AI 速递没有关于「量子计算」的内容。");
        assertThat(channel.to("-5").get(0).text()).contains("机器人", "Nvidia", "GPT-5.1");
        assertThat(TestDb.column(db, "SELECT COUNT(*) FROM digest")).containsExactly("1");
    }

    @Test
    void aCategoryTopicGetsTheItemsThatNameAnyOfItsWordsInEitherLanguage() {
        long digest = TestDb.insertDigest(db, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 4, 60);
        headline(digest, 1, "可灵 2.6 上线：一次生成带音画同步的 10 秒视频");
        headline(digest, 2, "OpenAI's Sora app comes to Android");
        headline(digest, 3, "Nvidia 财报超预期，数据中心收入创新高");
        headline(digest, 4, "DeepSeek 发布数学推理模型");
        DeliveryWorker byCategory = new DeliveryWorker(
                queue,
                dev.aidigest.command.DigestReplies.messages(
                        new ArchiveStore(db),
                        TopicCategories.bundled().expanding(new TermMatch(new Tokenizer(Aliases.bundled())))),
                subs,
                List.of(channel),
                new DeliverySettings(10, Duration.ofSeconds(30), Duration.ofSeconds(1), 3, Duration.ofSeconds(5)),
                null,
                clock);
        subs.subscribe(ROBOTS, Plan.DIGEST, List.of("Video"), false, "1"); // an `also` name, in any case
        subs.subscribe(NVIDIA, Plan.DIGEST, List.of("芯片"), false, "1");
        new Outbox(queue, clock).publish(digest);

        for (int i = 0; i < 10; i++) {
            byCategory.drain(() -> true);
            clock.advance(Duration.ofSeconds(2));
        }

        String video = channel.to("-1").get(0).text();
        assertThat(video).contains("可灵 2.6", "Sora app").doesNotContain("Nvidia", "DeepSeek");
        assertThat(channel.to("-2").get(0).text()).contains("Nvidia 财报").doesNotContain("可灵", "Sora", "DeepSeek");
    }

    private void headline(long digest, int position, String headline) {
        db.write(c -> {
            try (var ps = c.prepareStatement(
                    "UPDATE digest_item SET headline = ?, summary = ? WHERE digest_id = ? AND position = ?")) {
                ps.setString(1, headline);
                ps.setString(2, "摘要：" + headline);
                ps.setLong(3, digest);
                ps.setInt(4, position);
                return ps.executeUpdate();
            }
        });
    }
}
