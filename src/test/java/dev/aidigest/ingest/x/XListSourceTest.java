package dev.aidigest.ingest.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.ingest.spend.ReadBudget;
import dev.aidigest.store.Database;
import dev.aidigest.testing.FakePayPerUseXApi;
import dev.aidigest.testing.FakeXApi;
import dev.aidigest.testing.FixtureFiles;
import dev.aidigest.testing.InMemorySourceStates;
import dev.aidigest.testing.SpendFixtures;
import dev.aidigest.testing.TestClock;
import dev.aidigest.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XListSourceTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final List<String> MEMBERS =
            IntStream.range(0, 20).mapToObj(i -> "member" + i).toList();
    private final TestClock clock = new TestClock(T0);
    private final Database db = TestDb.h2();
    private final InMemorySourceStates states = new InMemorySourceStates();

    @AfterEach
    void close() {
        db.close();
    }

    private XListSource list(String baseUrl, ReadBudget budget) {
        return new XListSource(
                HttpClients.client("t", Duration.ofSeconds(5)),
                baseUrl,
                "token",
                "1234567890",
                100,
                new XApiV2Parser(Map.of("member3", "成员三")),
                1 << 20,
                budget,
                clock);
    }

    @Test
    void oneListPollPerRoundBringsEveryMembersPostsWithTheirNamesWhereTimelinesTakeOneEach() throws Exception {
        try (FakePayPerUseXApi x = new FakePayPerUseXApi(clock, T0, MEMBERS, Duration.ofMinutes(90))) {
            ReadBudget budget = SpendFixtures.xBudget(db, clock);
            XListSource list = list(x.baseUrl(), budget);
            XApiSource timelines = new XApiSource(
                    HttpClients.client("t", Duration.ofSeconds(5)),
                    x.baseUrl(),
                    "token",
                    MEMBERS,
                    100,
                    new XApiV2Parser(Map.of()),
                    1 << 20,
                    budget,
                    clock);
            clock.advance(Duration.ofMinutes(30));
            list.fetch(states.of(list.name())); // first round: the newest page
            timelines.fetch(states.of(timelines.name()));
            int listBefore = x.requests("/2/lists/");
            int timelinesBefore = x.requests("/2/users/");

            Set<String> listed = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (int round = 0; round < 8; round++) { // 4 hours of 30-minute rounds
                clock.advance(Duration.ofMinutes(30));
                for (Post p : list.fetch(states.of(list.name()))) {
                    listed.add(p.platformId());
                    names.add(p.authorName());
                }
                timelines.fetch(states.of(timelines.name()));
            }

            int listRequests = x.requests("/2/lists/") - listBefore;
            int timelineRequests = x.requests("/2/users/") - timelinesBefore;
            System.out.printf(
                    "8 rounds of 20 members: X List %d requests, timelines %d requests, %d posts%n",
                    listRequests, timelineRequests, listed.size());
            assertThat(listRequests).isEqualTo(8);
            assertThat(timelineRequests).isEqualTo(8 * 20);
            // every member posted about 3 times in those 4 hours, and the list brought all of it
            assertThat(listed).hasSizeBetween(20 * 4 * 60 / 90 - 20, 20 * 4 * 60 / 90 + 20);
            assertThat(names).contains("成员三", "N0", "N19").hasSize(20);
        }
    }

    @Test
    void pagesAreFollowedUntilTheNewestPostSeenBefore() throws Exception {
        try (FakePayPerUseXApi x = new FakePayPerUseXApi(clock, T0, MEMBERS, Duration.ofMinutes(5))) {
            XListSource list = new XListSource(
                    HttpClients.client("t", Duration.ofSeconds(5)),
                    x.baseUrl(),
                    "token",
                    "1234567890",
                    10,
                    new XApiV2Parser(Map.of()),
                    1 << 20,
                    null,
                    clock);
            clock.advance(Duration.ofMinutes(1));
            list.fetch(states.of(list.name()));
            clock.advance(Duration.ofMinutes(10)); // 20 members × 2 posts: 40 new, 4 pages of 10

            List<Post> posts = list.fetch(states.of(list.name()));

            assertThat(posts).hasSize(40);
            assertThat(x.requests("/2/lists/")).isEqualTo(1 + 5);
        }
    }

    @Test
    void aUsedUpRateLimitWindowIsNotCalledAgainBeforeItsReset() throws Exception {
        try (FakeXApi api = new FakeXApi()) {
            long reset = T0.plus(Duration.ofMinutes(15)).getEpochSecond();
            api.reply(
                    "/2/lists/1234567890/tweets",
                    200,
                    FixtureFiles.bytes("twitter/postman_v2_search_recent_tweet_fields_expanded_users.json"),
                    Map.of("x-rate-limit-remaining", "0", "x-rate-limit-reset", Long.toString(reset)));
            XListSource list = list(api.baseUrl(), null);
            var state = states.of(list.name());

            List<Post> first = list.fetch(state);
            clock.advance(Duration.ofMinutes(5));

            assertThat(first).isNotEmpty().allSatisfy(p -> assertThat(p.authorName())
                    .isNotBlank());
            assertThatThrownBy(() -> list.fetch(state))
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.retryAfter())
                            .isEqualTo(Instant.ofEpochSecond(reset)));
            assertThat(api.received("/2/lists/1234567890/tweets")).hasSize(1);
            clock.advance(Duration.ofMinutes(11));
            list.fetch(state);
            assertThat(api.received("/2/lists/1234567890/tweets")).hasSize(2);
        }
    }
}
