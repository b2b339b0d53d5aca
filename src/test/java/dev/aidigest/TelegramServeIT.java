package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.digest.Slot;
import dev.aidigest.schedule.ReportRun;
import dev.aidigest.schedule.ScheduleSettings;
import dev.aidigest.schedule.Serve;
import dev.aidigest.store.Database;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.SlotDigests;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * serve end to end against the loopback Bot API: the bot is added to a group, an admin subscribes,
 * the digest job fires (cron in seconds) and the group receives the digest in valid HTML parts.
 */
class TelegramServeIT {

    static final long GROUP = -1001234567890L;
    static final long ADMIN = 11;
    static final long MEMBER = 22;
    static final long DM = 4242;

    final FakeTelegramBotApi api = new FakeTelegramBotApi();
    final Database db = TestDb.h2();
    final Clock clock = Clock.systemUTC();
    final ZoneId zone = ZoneId.of("Asia/Shanghai");
    final SlotDigests digests = new SlotDigests(db, 17, 260);
    Serve serve;

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.stop();
        }
        api.close();
        db.close();
    }

    Serve start(String cron) throws Exception {
        ScheduleSettings s = new ScheduleSettings(
                "it-" + UUID.randomUUID(),
                Duration.ofMinutes(30),
                cron,
                "",
                zone,
                Duration.ofSeconds(1),
                1,
                Duration.ofSeconds(10));
        serve = ServeWiring.serve(TestConfigs.telegram(api.url(), ""), s, db, () -> {}, digests, ReportRun.NONE, clock);
        serve.start();
        return serve;
    }

    List<String> texts(long chat) {
        // what the reader sees: tags removed, entities decoded
        return api.sentTo(chat).stream()
                .map(b ->
                        org.jsoup.nodes.Entities.unescape(b.get("text").asText().replaceAll("<[^>]*>", "")))
                .toList();
    }

    void awaitReply(long chat, String contains) {
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(chat).stream().anyMatch(t -> t.contains(contains)));
    }

    @Test
    void adminSubscribesAGroupAndTheScheduledDigestArrivesInValidHtmlParts() throws Exception {
        start("0/3 * * * * ?");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.calls("setmycommands").size() == 2);
        assertThat(api.calls("deletewebhook")).isNotEmpty();
        assertThat(api.calls("setmycommands"))
                .anySatisfy(
                        c -> assertThat(c.body().get("language_code").asText()).isEqualTo("zh"));

        api.botAdded(GROUP, "AI 群", ADMIN, "member");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !TestDb.column(db, "SELECT bot_status FROM chat").isEmpty());

        api.text(GROUP, "AI 群", MEMBER, "/subscribe@" + FakeTelegramBotApi.BOT_NAME);
        awaitReply(GROUP, "只有群管理员");
        api.text(GROUP, "AI 群", MEMBER, "/subscribe@SomeOtherBot");
        api.admin(GROUP, ADMIN);
        api.text(GROUP, "AI 群", ADMIN, "/subscribe");
        awaitReply(GROUP, "已订阅每 4 小时的 AI 速递");
        api.text(DM, null, DM, "/subscribe");
        awaitReply(DM, "已订阅");

        String title = Slot.endingAtOrBefore(Instant.now(), zone).title();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> texts(GROUP).stream().anyMatch(t -> t.contains(title))
                        && texts(GROUP).stream().anyMatch(t -> t.contains("17. Black Forest Labs")));
        List<JsonNode> parts = api.sentTo(GROUP).stream()
                .filter(b -> "html".equalsIgnoreCase(b.path("parse_mode").asText())
                        && b.get("text").asText().contains("Black Forest Labs"))
                .toList();
        assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.get("text").asText().length()).isLessThanOrEqualTo(4096);
            assertThat(p.get("link_preview_options").get("is_disabled").asBoolean())
                    .isTrue();
        });
        assertThat(parts.get(0).get("text").asText()).startsWith("<b>" + title + "</b>");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> texts(DM).stream().anyMatch(t -> t.contains("17. Black Forest Labs")));
        assertThat(texts(GROUP)).noneMatch(t -> t.contains("SomeOtherBot"));

        // the digest job fires again every 3 s; publishing the same digest again sends nothing new
        int before = api.sentTo(GROUP).size();
        int runs = digests.runs.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> digests.runs.size() > runs);
        assertThat(api.sentTo(GROUP)).hasSize(before);

        api.text(GROUP, "AI 群", MEMBER, "/latest@" + FakeTelegramBotApi.BOT_NAME);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.sentTo(GROUP).size() >= before + parts.size());
        api.text(DM, null, DM, "/topic FLUX.2");
        awaitReply(DM, "「FLUX.2」相关内容（第 1 页）");
        JsonNode topic = api.sentTo(DM).stream()
                .filter(b -> b.get("text").asText().contains("第 1 页"))
                .findFirst()
                .orElseThrow();
        JsonNode button =
                topic.get("reply_markup").get("inline_keyboard").get(0).get(0);
        assertThat(button.get("text").asText()).isEqualTo("更多");
        api.buttonPressed(DM, null, DM, button.get("callback_data").asText());
        awaitReply(DM, "「FLUX.2」相关内容（第 2 页）");
        assertThat(api.calls("answercallbackquery")).isNotEmpty();
    }

    @Test
    void anInjected429IsRetriedAfterRetryAfterAndA403DeactivatesTheSubscription() throws Exception {
        start("0 0 0 1 1 ? 2099");
        api.admin(GROUP, ADMIN);
        api.text(GROUP, "g", ADMIN, "/subscribe");
        api.text(DM, null, DM, "/subscribe");
        awaitReply(GROUP, "已订阅");
        awaitReply(DM, "已订阅");

        api.failNextSend(GROUP, "429_with_retry_after", 2);
        api.failNextSend(DM, "403_bot_blocked", null);
        long id = digests.runSlot(Slot.endingAtOrBefore(Instant.now(), zone));
        long published = System.nanoTime();
        ServeWiring.outbox(db, clock).publish(id); // like `digest --publish` from another process
        await().atMost(Duration.ofSeconds(30))
                .until(() -> texts(GROUP).stream().anyMatch(t -> t.contains("Black Forest Labs")));
        long firstOk = api.calls("sendmessage#ok").stream()
                .filter(c -> c.body().get("chat_id").asLong() == GROUP
                        && c.body().get("text").asText().contains("Black Forest Labs"))
                .findFirst()
                .orElseThrow()
                .atNanos();
        assertThat(Duration.ofNanos(firstOk - published)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestDb.column(db, "SELECT active FROM subscription WHERE chat_id = '" + DM + "'")
                        .equals(List.of("FALSE")));
        assertThat(texts(DM)).noneMatch(t -> t.contains("Black Forest Labs"));

        // the bot is removed from the group (my_chat_member: kicked): its subscription ends too
        api.botAdded(GROUP, "g", ADMIN, "kicked");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestDb.column(db, "SELECT active FROM subscription WHERE chat_id = '" + GROUP + "'")
                        .equals(List.of("FALSE")));
    }
}
