package dev.aidigest.ingest.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import dev.aidigest.testing.FixtureFiles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XApiV2ParserTest {
    private final XApiV2Parser parser = new XApiV2Parser(Map.of());

    private static byte[] fixture(String name) {
        return FixtureFiles.bytes("twitter/" + name);
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void attributesRepliesThroughIncludedUsersAndReferencedTweets() {
        Parsed parsed = parser.parse(fixture("postman_v2_search_recent_tweet_fields_expanded_users.json"));

        assertThat(parsed.unattributed()).isZero();
        assertThat(parsed.posts())
                .extracting(Post::authorHandle)
                .containsExactly("happycamper", "snowman", "jellybeanjones", "snowman");
        Post first = parsed.posts().get(0);
        assertThat(first.platform()).isEqualTo("x");
        assertThat(first.platformId()).isEqualTo("1276035977375477760");
        assertThat(first.authorName()).isEqualTo("Emily Waligoske 🏕");
        assertThat(first.url()).isEqualTo("https://x.com/happycamper/status/1276035977375477760");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2020-06-25T06:14:19Z"));
        assertThat(first.lang()).isEqualTo("en");
        // the photo's t.co link goes; the media key stays (no includes.media in this response)
        assertThat(first.text())
                .isEqualTo("@snowman Ooo, thanks error message, public_metircs are not the metrics you’re looking for");
        assertThat(first.links()).isEmpty();
        assertThat(first.media()).containsExactly("16_1276035971193044992");
        assertThat(first.reference()).isEqualTo(new Post.Reference("replied_to", "1275653067283759104", "snowman"));
        assertThat(first.isReplyToOther()).isTrue();
        // snowman answering his own tweet is a thread, not a reply to someone else
        Post second = parsed.posts().get(1);
        assertThat(second.reference().authorHandle()).isEqualTo("snowman");
        assertThat(second.isReplyToOther()).isFalse();
        assertThat(parsed.posts().get(3).reference().authorHandle()).isEqualTo("happycamper");
    }

    @Test
    void configuredDisplayNameWinsOverTheApiName() {
        XApiV2Parser named = new XApiV2Parser(Map.of("snowman", "雪人 Jim"));

        Parsed parsed = named.parse(fixture("postman_v2_search_recent_tweet_fields_expanded_users.json"));

        assertThat(parsed.posts().get(1).authorName()).isEqualTo("雪人 Jim");
        assertThat(parsed.posts().get(0).authorName()).isEqualTo("Emily Waligoske 🏕");
    }

    @Test
    void replacesTcoLinksWithExpandedUrlsInASingleObjectResponse() {
        XPage page = parser.page(
                fixture("postman_v2_tweet_lookup_tweet_fields.json"),
                new Attribution(Map.of("2244994945", "TwitterDev"), null));

        Post post = page.parsed().posts().get(0);
        String blog =
                "https://blog.twitter.com/developer/en_us/topics/tips/2020/how-to-analyze-the-sentiment-of-your-own-tweets.html";
        assertThat(post.text())
                .endsWith("recent search functionality.\n" + blog)
                .doesNotContain("t.co");
        assertThat(post.links()).containsExactly(blog);
        assertThat(post.authorHandle()).isEqualTo("TwitterDev");
        assertThat(post.authorName()).isEqualTo("TwitterDev");
    }

    @Test
    void mediaLinksAreRemovedAndMediaUrlsComeFromIncludes() {
        XPage page = parser.page(
                fixture("postman_v2_search_recent_expanded_media.json"), new Attribution(Map.of(), "searcher"));

        Post first = page.parsed().posts().get(0);
        assertThat(first.text())
                .isEqualTo("RT @CritterOfHabit: \"Puppies aren't so scary, I guess\"\n#TLOU2 #TheLastofUsPart2");
        assertThat(first.media()).containsExactly("https://pbs.twimg.com/media/Ebr28bjU0AEasL0.jpg");
        assertThat(first.links()).isEmpty();
        Post video = page.parsed().posts().get(3);
        assertThat(video.media())
                .containsExactly(
                        "https://pbs.twimg.com/ext_tw_video_thumb/1277795251919429636/pu/img/QzdDVtEyX6NNqA_5.jpg");
        assertThat(page.newestId()).isEqualTo("1278020251041570816");
        assertThat(page.nextToken()).isEqualTo("b26v89c19zqg8o3fo7gg1pu5pv61lxgru17onnv29q4cd");
    }

    @Test
    void unescapesTheHtmlEntitiesXPutsInText() {
        XPage page = parser.page(
                fixture("postman_v2_search_recent_tweet_fields.json"),
                new Attribution(Map.of("15004848", "camp"), null));

        assertThat(page.parsed().posts()).singleElement().satisfies(p -> assertThat(p.text())
                .contains("(not a worry in this setting) & kids from MD")
                .contains("the positives & the kids")
                .doesNotContain("&amp;"));
        assertThat(TweetMapper.unescape("a &lt;b&gt; &amp;lt;")).isEqualTo("a <b> &lt;");
    }

    @Test
    void aRetweetWhoseIncludedOriginalHasNoTextKeepsItsOwn() {
        Parsed parsed = parser.parse(json("{\"data\":[{\"id\":\"1993000000000000001\",\"author_id\":\"1\","
                + "\"created_at\":\"2025-11-26T08:00:00.000Z\",\"text\":\"RT @karpathy: nanochat is out\","
                + "\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"1993000000000000000\"}]}],"
                + "\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"dotey\",\"name\":\"宝玉\"},"
                + "{\"id\":\"2\",\"username\":\"karpathy\",\"name\":\"Andrej Karpathy\"}],"
                + "\"tweets\":[{\"id\":\"1993000000000000000\",\"author_id\":\"2\"}]}}"));

        assertThat(parsed.posts()).singleElement().satisfies(p -> assertThat(p.text())
                .isEqualTo("RT @karpathy: nanochat is out"));
    }

    @Test
    void retweetAuthorComesFromTheRtPrefixWhenTheOriginalIsNotIncluded() {
        XPage page = parser.page(
                fixture("postman_v2_search_recent_tweet_fields.json"),
                new Attribution(Map.of("1176828691365736451", "retweeter", "13524182", "nadlerwatch"), null));

        Post retweet = page.parsed().posts().stream()
                .filter(p -> p.authorHandle().equals("retweeter"))
                .findFirst()
                .orElseThrow();
        assertThat(retweet.isRetweet()).isTrue();
        assertThat(retweet.reference()).isEqualTo(new Post.Reference("retweeted", "1275809336988557314", "skipbolden"));
        Post reply = page.parsed().posts().stream()
                .filter(p -> p.authorHandle().equals("nadlerwatch"))
                .findFirst()
                .orElseThrow();
        assertThat(reply.reference().authorHandle()).isEqualTo("nadlerwatch");
        assertThat(reply.isReplyToOther()).isFalse();
    }

    @Test
    void tweetsWithoutIncludesAreLeftOutUnlessTheirAuthorIsKnown() {
        byte[] lookup = fixture("postman_v2_tweets_lookup_multi_tweet_fields.json");

        Parsed unknown = parser.parse(lookup);
        assertThat(unknown.posts()).isEmpty();
        assertThat(unknown.unattributed()).isEqualTo(58);

        Parsed known = parser.page(lookup, new Attribution(Map.of("783214", "Twitter"), null))
                .parsed();
        assertThat(known.posts()).hasSize(11).allSatisfy(p -> assertThat(p.authorHandle())
                .isEqualTo("Twitter"));
        assertThat(known.unattributed()).isEqualTo(47);
        Post photo = known.posts().get(0);
        assertThat(photo.platformId()).isEqualTo("1276501058211262464");
        assertThat(photo.links()).containsExactly("https://twitter.com/i/lists/suggested");
        assertThat(photo.text()).doesNotContain("t.co").doesNotContain("/photo/1");
        assertThat(photo.conversationId()).isEqualTo("1276501058211262464");
    }

    @Test
    void partialErrorsAreIgnoredAndAPreSnowflakeTweetWithoutTimeIsLeftOut() {
        Parsed partial = parser.page(
                        fixture("postman_v2_tweets_lookup_partial_error.json"), new Attribution(Map.of(), "jack"))
                .parsed();
        assertThat(partial.posts()).isEmpty();
        assertThat(partial.unattributed()).isEqualTo(1);

        Parsed deleted = parser.parse(fixture("postman_v2_tweet_lookup_deleted.json"));
        assertThat(deleted.posts()).isEmpty();
        assertThat(deleted.unattributed()).isZero();
    }

    @Test
    void aTimelineOfAKnownUserAttributesDefaultFieldTweets() {
        XPage page =
                parser.page(fixture("tweepy_v2_get_users_tweets.json"), Attribution.timelineOf("783214", "Twitter"));

        assertThat(page.parsed().posts())
                .extracting(Post::platformId)
                .containsExactly("1577730467436138524", "1565318587736285184");
        assertThat(page.parsed().posts()).allSatisfy(p -> {
            assertThat(p.authorHandle()).isEqualTo("Twitter");
            assertThat(p.url()).startsWith("https://x.com/Twitter/status/");
        });
        assertThat(page.newestId()).isEqualTo("1577730467436138524");
    }

    @Test
    void createdAtComesFromTheSnowflakeIdWhenTheFieldIsMissing() {
        Parsed parsed = parser.page(fixture("tweepy_v2_search_recent_tweets.json"), new Attribution(Map.of(), "tweepy"))
                .parsed();

        assertThat(parsed.posts()).hasSize(10).allSatisfy(p -> {
            // the bot wrote its own posting time into each text: "2022-10-07 22:42:12.637103 tweepy"
            Instant written = Instant.parse(p.text().substring(0, 19).replace(' ', 'T') + "Z");
            assertThat(p.createdAt()).isBetween(written.minusSeconds(2), written.plusSeconds(2));
        });
        assertThat(Snowflake.time("20")).isNull();
    }

    @Test
    void tweepyResponsesWithoutIncludesAreCountedAsUnattributed() {
        for (String f : new String[] {
            "tweepy_v2_get_home_timeline.json",
            "tweepy_v2_get_quote_tweets.json",
            "tweepy_v2_get_tweets.json",
            "tweepy_v2_get_users_mentions.json",
            "postman_v2_search_recent_default.json"
        }) {
            Parsed none = parser.parse(fixture(f));
            assertThat(none.posts()).as(f).isEmpty();
            assertThat(none.unattributed()).as(f).isPositive();
            Parsed attributed = parser.page(fixture(f), new Attribution(Map.of(), "someone"))
                    .parsed();
            assertThat(attributed.posts()).as(f).hasSize(none.unattributed());
        }
        Parsed home = parser.page(fixture("tweepy_v2_get_home_timeline.json"), new Attribution(Map.of(), "me"))
                .parsed();
        assertThat(home.posts()).hasSize(98);
        assertThat(home.posts()).extracting(Post::text).contains("NYC < London (weather this week)");
    }

    @Test
    void longPostsUseTheNoteTweetTextAndItsEntities() {
        String body = """
        {"data":[{"id":"1993367714061439414","author_id":"1","created_at":"2025-11-25T16:59:32.000Z",
          "text":"Claude Opus 4.5 的长任务表现… https://t.co/short1",
          "entities":{"urls":[{"url":"https://t.co/short1","expanded_url":"https://x.com/i/web/status/1993367714061439414"}]},
          "note_tweet":{"text":"Claude Opus 4.5 的长任务表现很稳定，&amp; 详情见 https://t.co/long1",
            "entities":{"urls":[{"url":"https://t.co/long1","expanded_url":"https://www.anthropic.com/news/claude-opus-4-5"}]}},
          "public_metrics":{"like_count":1200,"retweet_count":300,"reply_count":45,"quote_count":12,"impression_count":98000}}],
         "includes":{"users":[{"id":"1","username":"dotey","name":"宝玉"}]}}
        """;

        Post post = parser.parse(json(body)).posts().get(0);

        assertThat(post.text())
                .isEqualTo("Claude Opus 4.5 的长任务表现很稳定，& 详情见 https://www.anthropic.com/news/claude-opus-4-5");
        assertThat(post.links()).containsExactly("https://www.anthropic.com/news/claude-opus-4-5");
        assertThat(post.metrics()).isEqualTo(new Post.Metrics(1200, 300, 45, 12, 98000));
        assertThat(post.authorName()).isEqualTo("宝玉");
    }

    @Test
    void aRetweetTakesTheWholeTextOfTheIncludedOriginal() {
        String body = """
        {"data":{"id":"1993371202556551398","author_id":"1","created_at":"2025-11-25T17:13:24.000Z",
          "text":"RT @op7418: FLUX.2 测试了一下，2K 分辨率一致性很好…",
          "referenced_tweets":[{"type":"retweeted","id":"1993354297854062805"}]},
         "includes":{"users":[{"id":"1","username":"dotey","name":"宝玉"},{"id":"2","username":"op7418","name":"歸藏(guizang.ai)"}],
           "tweets":[{"id":"1993354297854062805","author_id":"2","text":"FLUX.2 测试了一下，2K 分辨率一致性很好，对设计师友好，颜色控制精准"}]}}
        """;

        Post post = new XApiV2Parser(Map.of("op7418", "歸藏(guizang.ai)"))
                .parse(json(body))
                .posts()
                .get(0);

        assertThat(post.text()).isEqualTo("RT @op7418: FLUX.2 测试了一下，2K 分辨率一致性很好，对设计师友好，颜色控制精准");
        assertThat(post.reference()).isEqualTo(new Post.Reference("retweeted", "1993354297854062805", "op7418"));
        assertThat(post.authorHandle()).isEqualTo("dotey");
    }

    @Test
    void readsUsersOfAUserLookupButRefusesThemAsPosts() {
        byte[] users = fixture("postman_v2_user_by_username_expanded.json");

        assertThat(parser.users(users))
                .containsEntry("twitterdev", new XUser("2244994945", "TwitterDev", "Twitter Dev"));
        assertThat(parser.users(fixture("x_users_by_written_for_tests.json")))
                .containsOnlyKeys("twitter", "twitterdev");
        assertThatThrownBy(() -> parser.parse(users))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The X API v2 file holds users, not posts.");
    }

    @Test
    void refusesAnApiProblemAndThePlainText429Body() {
        assertThatThrownBy(() -> parser.parse(fixture("postman_v2_stream_429.json")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The X API answered with an error instead of posts: ConnectionException "
                        + "(This stream is currently at the maximum allowed connection limit.).");
        assertThatThrownBy(() -> parser.parse(fixture("postman_v2_429_rate_limit.txt")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The X API v2 file is not valid JSON at line 1");
    }

    @Test
    void refusesBrokenJsonWrongShapesAndInvalidUtf8InOneSentence() {
        assertThatThrownBy(() -> parser.parse(json("{\"data\": [ {\"id\": \"1\", ")))
                .hasMessageStartingWith("The X API v2 file is not valid JSON at line 1");
        assertThatThrownBy(() -> parser.parse(json("[{\"id\":\"1\"}]")))
                .hasMessage("The X API v2 file is not a JSON object with a data field.");
        assertThatThrownBy(() -> parser.parse(json("{\"data\":\"nope\"}")))
                .hasMessage("The X API v2 file has no data array or object.");
        // a broken entry is named; a file of nothing else is no X API v2 file of posts
        assertThatThrownBy(() -> parser.parse(json("{\"data\":[{\"text\":\"no id\"}]}")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The X API v2 file holds no post: X API v2 post #1: it has no id.");
        assertThatThrownBy(() ->
                        parser.parse(json("{\"data\":[{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"yesterday\"}]}")))
                .hasMessage(
                        "The X API v2 file holds no post: X API v2 post 1: created_at 'yesterday' is not an ISO-8601 time.");
        assertThatThrownBy(() -> parser.parse(json("{\"data\":[{\"id\":\"1993000000000000001\",\"text\":\"no author\"},"
                        + "{\"text\":\"no id\"}]}")))
                .hasMessage("None of the 2 entries of the X API v2 file is a post (1 without an author or a time),"
                        + " the first bad one: X API v2 post #2: it has no id.");
        // a page fetched by a source is not refused for it: the source logs what it skipped
        assertThat(parser.page(json("{\"data\":[{\"text\":\"no id\"}]}"), Attribution.NONE)
                        .parsed()
                        .skipped())
                .extracting(Object::toString)
                .containsExactly("X API v2 post #1: it has no id.");
        byte[] latin1 = "{\"data\":[{\"id\":\"1\",\"text\":\"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parse(latin1))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The X API v2 file is not valid UTF-8 (bad bytes on line 1");
    }

    @Test
    void aBadCreatedAtIsQuotedOnOneLineWithoutItsControlCharacters() {
        String created = "2025\\u0000\\r\\n\\u001b[31m\\u202e\\u0085" + "9".repeat(500);
        String body = "{\"data\":[{\"id\":\"1\",\"text\":\"x\",\"created_at\":\"" + created + "\"}]}";

        String reason = parser.page(json(body), Attribution.NONE)
                .parsed()
                .skipped()
                .get(0)
                .reason();

        assertThat(reason).startsWith("created_at '2025  [31m").endsWith("...' is not an ISO-8601 time.");
        assertThat(reason.length()).isLessThanOrEqualTo(200);
        assertThat(reason.codePoints().filter(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x202E))
                .isEmpty();
        assertThatThrownBy(() -> parser.parse(json(body)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000", "\n", "\u001b"));
    }
}
