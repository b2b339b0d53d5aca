package dev.aidigest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.ServeWiring;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.command.Subscriptions.Plan;
import dev.aidigest.delivery.DeliverySettings;
import dev.aidigest.store.Database;
import dev.aidigest.store.SubscriptionStore;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.TestConfigs;
import dev.aidigest.testing.TestDatabases;
import dev.aidigest.testing.TestDb;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve on the default H2 file with a delivery poll of a minute: a digest published through another
 * connection (as {@code digest --publish} from another process does, so nothing wakes serve directly)
 * still reaches a DM in seconds, its parts one after the other at the DM's pace, not one per poll.
 */
class PromptDeliveryTest {

    @TempDir
    Path dir;

    @Test
    void aDigestPublishedElsewhereArrivesWholeWithinSecondsNotAtTheNextPoll() throws Exception {
        try (FakeTelegramBotApi api = new FakeTelegramBotApi();
                Database served = TestDatabases.h2(dir);
                Database publisher = TestDatabases.h2(dir)) {
            ScheduleSettings s = new ScheduleSettings(
                    "prompt",
                    Duration.ofMinutes(30),
                    "0 0 0 1 1 ? 2099",
                    "",
                    ZoneId.of("Asia/Shanghai"),
                    Duration.ofSeconds(60),
                    1,
                    Duration.ofSeconds(5));
            Serve serve = ServeWiring.serve(ServeWiring.Inputs.of(
                            TestConfigs.telegram(api.url(), ""),
                            s,
                            served,
                            () -> {},
                            slot -> {
                                throw new IllegalStateException("not in this test");
                            },
                            ReportRun.NONE,
                            Clock.systemUTC())
                    .withDelivery(DeliverySettings.defaults()));
            new SubscriptionStore(publisher, Clock.systemUTC())
                    .subscribe(new ChatRef("telegram", "7", ChatRef.Kind.PRIVATE), Plan.DIGEST, "u");
            long digest =
                    TestDb.insertDigest(publisher, "2025.11.26.16", Instant.parse("2025-11-26T08:00:00Z"), 17, 260);
            try {
                serve.start();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !api.calls("getupdates").isEmpty());
                Thread.sleep(1500); // serve idle, its delivery asleep for up to a minute
                ServeWiring.outbox(publisher, Clock.systemUTC()).publish(digest);

                await().atMost(Duration.ofSeconds(15)).until(() -> api.sentTo(7).size() >= 3);
                List<Long> at = api.calls("sendmessage#ok").stream()
                        .filter(c -> c.body().get("chat_id").asLong() == 7)
                        .map(FakeTelegramBotApi.Call::atNanos)
                        .toList();
                // back to back at the DM's pace: the DM's gap apart, not the minute of the poll
                for (int i = 1; i < at.size(); i++) {
                    assertThat((at.get(i) - at.get(i - 1)) / 1_000_000L).isBetween(1000L, 10_000L);
                }
                assertThat(api.sentTo(7).stream().map(JsonNode::toString).distinct())
                        .hasSameSizeAs(api.sentTo(7));
            } finally {
                serve.stop();
            }
        }
    }
}
