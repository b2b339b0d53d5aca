package dev.aidigest.ingest.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.SourceException;
import dev.aidigest.ingest.http.HttpClients;
import dev.aidigest.testing.FakeXApi;
import dev.aidigest.testing.FixtureFiles;
import dev.aidigest.testing.InMemorySourceStates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XApiSourceTest {
    private static final String UA = "ai-digest-test/1.0";
    private final FakeXApi api;
    private final InMemorySourceStates.State state = new InMemorySourceStates().of("x-api");

    XApiSourceTest() throws Exception {
        api = new FakeXApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private XApiSource source(List<String> handles) {
        return new XApiSource(
                HttpClients.client(UA, Duration.ofSeconds(5)),
                api.baseUrl(),
                "test-token",
                handles,
                50,
                new XApiV2Parser(Map.of("twitter", "推特")),
                1 << 20);
    }

    @Test
    void fetchesEachTimelineWithTokenAndUserAgentThenAsksOnlyForWhatIsNew() throws Exception {
        api.fixture("/2/users/by", "x_users_by_written_for_tests.json")
                .fixture("/2/users/783214/tweets", "tweepy_v2_get_users_tweets.json")
                .reply(
                        "/2/users/783214/tweets",
                        200,
                        "{\"meta\":{\"result_count\":0}}".getBytes(StandardCharsets.UTF_8),
                        Map.of())
                .fixture("/2/users/2244994945/tweets", "postman_v2_tweet_lookup_tweet_fields.json");
        XApiSource source = source(List.of("Twitter", "TwitterDev", "nosuchuser"));

        List<Post> first = source.fetch(state);

        assertThat(first)
                .extracting(Post::platformId)
                .containsExactly("1577730467436138524", "1565318587736285184", "1275828087666679809");
        assertThat(first.get(0).authorName()).isEqualTo("推特");
        assertThat(api.received()).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer test-token");
            assertThat(r.userAgent()).isEqualTo(UA);
            assertThat(r.method()).isEqualTo("GET");
        });
        FakeXApi.Received lookup = api.received("/2/users/by").get(0);
        assertThat(lookup.query())
                .containsEntry("usernames", "Twitter,TwitterDev,nosuchuser")
                .containsEntry("user.fields", "name,username");
        FakeXApi.Received timeline = api.received("/2/users/783214/tweets").get(0);
        assertThat(timeline.query())
                .containsEntry("max_results", "50")
                .containsEntry("tweet.fields", XApiSource.TWEET_FIELDS)
                .containsEntry("expansions", XApiSource.EXPANSIONS)
                .doesNotContainKey("since_id");
        assertThat(state.values())
                .containsEntry("user_id.twitter", "783214")
                .containsEntry("since_id.783214", "1577730467436138524")
                .containsEntry("since_id.2244994945", "1275828087666679809");

        List<Post> second = source.fetch(state);

        assertThat(second).extracting(Post::platformId).containsExactly("1275828087666679809");
        assertThat(api.received("/2/users/783214/tweets").get(1).query())
                .containsEntry("since_id", "1577730467436138524");
        assertThat(api.received("/2/users/2244994945/tweets").get(1).query())
                .containsEntry("since_id", "1275828087666679809");
        // ids are cached: only the handle that was not found is looked up again
        assertThat(api.received("/2/users/by")).hasSize(2);
        assertThat(api.received("/2/users/by").get(1).query()).containsEntry("usernames", "nosuchuser");
    }

    @Test
    void followsOlderPagesWhenCatchingUpFromASinceId() throws Exception {
        state.put("user_id.twitter", "783214");
        state.put("since_id.783214", "1278019000000000000");
        api.fixture("/2/users/783214/tweets", "postman_v2_search_recent_expanded_media.json")
                .fixture("/2/users/783214/tweets", "tweepy_v2_get_tweets.json");

        List<Post> posts = source(List.of("Twitter")).fetch(state);

        assertThat(posts).hasSize(12).allSatisfy(p -> assertThat(p.authorHandle())
                .isEqualTo("Twitter"));
        List<FakeXApi.Received> pages = api.received("/2/users/783214/tweets");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).query())
                .containsEntry("since_id", "1278019000000000000")
                .containsEntry("pagination_token", "b26v89c19zqg8o3fo7gg1pu5pv61lxgru17onnv29q4cd");
        // the newest id over both pages (the second fixture happens to hold larger ids)
        assertThat(state.get("since_id.783214")).contains("1293595870563381249");
    }

    @Test
    void rateLimitSaysWhenToComeBackFromTheResetHeader() {
        api.reply(
                "/2/users/by",
                429,
                FixtureFiles.bytes("twitter/postman_v2_429_rate_limit.txt"),
                Map.of("x-rate-limit-reset", "1764150000", "x-rate-limit-remaining", "0"));

        assertThatThrownBy(() -> source(List.of("Twitter")).fetch(state))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Instant.ofEpochSecond(1764150000));
                    assertThat(e.getMessage()).isEqualTo("X API rate limit reached (HTTP 429) on /2/users/by.");
                });
        assertThat(state.values()).isEmpty();
    }

    @Test
    void aRateLimitMidwayKeepsWhatWasReadAndStartsWithTheRefusedAccountNextTime() throws Exception {
        state.put("user_id.twitter", "783214");
        state.put("user_id.twitterdev", "2244994945");
        api.fixture("/2/users/783214/tweets", "tweepy_v2_get_users_tweets.json")
                .reply(
                        "/2/users/783214/tweets",
                        200,
                        "{\"meta\":{\"result_count\":0}}".getBytes(StandardCharsets.UTF_8),
                        Map.of())
                .reply(
                        "/2/users/2244994945/tweets",
                        429,
                        FixtureFiles.bytes("twitter/postman_v2_429_rate_limit.txt"),
                        Map.of("x-rate-limit-reset", "1764150000"))
                .fixture("/2/users/2244994945/tweets", "postman_v2_tweet_lookup_tweet_fields.json");
        XApiSource source = source(List.of("Twitter", "TwitterDev"));

        List<Post> first = source.fetch(state);
        List<Post> second = source.fetch(state);

        assertThat(first).extracting(Post::authorHandle).containsOnly("Twitter");
        assertThat(state.get("since_id.783214")).contains("1577730467436138524");
        assertThat(second).extracting(Post::platformId).startsWith("1275828087666679809");
        assertThat(api.received())
                .extracting(FakeXApi.Received::path)
                .containsExactly(
                        "/2/users/783214/tweets",
                        "/2/users/2244994945/tweets",
                        "/2/users/2244994945/tweets",
                        "/2/users/783214/tweets");
    }

    @Test
    void aRefusedTokenOrAServerErrorIsASourceExceptionWithAClearMessage() {
        state.put("user_id.twitter", "783214");
        byte[] unauthorized = "{\"title\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
        api.reply("/2/users/783214/tweets", 401, unauthorized, Map.of())
                .reply("/2/users/783214/tweets", 403, unauthorized, Map.of())
                .reply("/2/users/783214/tweets", 503, new byte[0], Map.of());
        XApiSource source = source(List.of("Twitter"));

        for (int code : new int[] {401, 403}) {
            assertThatThrownBy(() -> source.fetch(state))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("X API refused the bearer token (HTTP " + code
                            + "): check AIDIGEST_X_BEARER_TOKEN and the app's access level.");
        }
        assertThatThrownBy(() -> source.fetch(state)).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("X API answered HTTP 503 on /2/users/783214/tweets.");
            assertThat(e.retryAfter()).isNull();
        });
    }

    @Test
    void anUnreadableAnswerIsASourceExceptionAndMovesNoCursor() {
        state.put("user_id.twitter", "783214");
        api.fixture("/2/users/783214/tweets", "postman_v2_stream_429.json");

        assertThatThrownBy(() -> source(List.of("Twitter")).fetch(state))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("X API sent an unreadable response on /2/users/783214/tweets: "
                        + "The X API answered with an error instead of posts");
        assertThat(state.get("since_id.783214")).isEmpty();
    }

    @Test
    void anUnreachableApiIsASourceException() {
        api.close();
        assertThatThrownBy(() -> source(List.of("Twitter")).fetch(state))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("X API unreachable at 127.0.0.1");
    }
}
