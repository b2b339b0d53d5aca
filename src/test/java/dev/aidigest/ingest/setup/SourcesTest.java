package dev.aidigest.ingest.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.ConfigLoader;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.Source;
import dev.aidigest.testing.FakeXApi;
import dev.aidigest.testing.InMemorySourceStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    @TempDir
    Path config;

    private static final String SOURCES = """
      accounts:
        - { handle: dotey, name: "宝玉" }
        - { handle: karpathy, name: "Andrej Karpathy", rsshub: true }
      feeds:
        - { name: simonwillison, url: "https://simonwillison.net/atom/everything/", handle: simonw, author_name: "Simon Willison" }
      """;

    private List<Source> sources(Map<String, String> env) throws IOException {
        Files.writeString(config.resolve("sources.yml"), SOURCES);
        ConfigLoader loader = new ConfigLoader(config, env);
        return Sources.from(loader.app(), loader.sources(), Clock.systemUTC());
    }

    @Test
    void withoutCredentialsOnlyTheFeedsAreRead() throws IOException {
        assertThat(sources(Map.of())).extracting(Source::name).containsExactly("feed:simonwillison");
    }

    @Test
    void aBearerTokenSwitchesOnTheXApiAndRsshubTakesTheAccountsMarkedForIt() throws IOException {
        List<Source> sources =
                sources(Map.of("AIDIGEST_X_BEARER_TOKEN", "t", "AIDIGEST_RSSHUB_URL", "https://rsshub.example"));

        assertThat(sources).extracting(Source::name).containsExactly("x-api", "rsshub:karpathy", "feed:simonwillison");
    }

    @Test
    void withOnlyRsshubEveryAccountIsReadThroughIt() throws IOException {
        assertThat(sources(Map.of("AIDIGEST_RSSHUB_URL", "https://rsshub.example")))
                .extracting(Source::name)
                .containsExactly("rsshub:dotey", "rsshub:karpathy", "feed:simonwillison");
    }

    @Test
    void theXApiSourceUsesTheConfiguredUrlTokenAndUserAgent() throws Exception {
        try (FakeXApi api = new FakeXApi()) {
            api.fixture("/2/users/by", "x_users_by_written_for_tests.json");
            Source x = sources(Map.of("AIDIGEST_X_BEARER_TOKEN", "secret", "AIDIGEST_X_API_URL", api.baseUrl()))
                    .get(0);

            List<Post> posts = x.fetch(new InMemorySourceStates().of("x-api"));

            assertThat(posts).isEmpty();
            FakeXApi.Received lookup = api.received("/2/users/by").get(0);
            assertThat(lookup.authorization()).isEqualTo("Bearer secret");
            assertThat(lookup.userAgent()).isEqualTo("ai-digest/0.1 (+https://github.com/ai-digest)");
            assertThat(lookup.query()).containsEntry("usernames", "dotey");
        }
    }

    @Test
    void aListMarkedForTwitterapiIsReadThroughItWhenItsKeyIsSetAndTheOtherListByTheXApi() throws IOException {
        Files.writeString(config.resolve("sources.yml"), """
                lists:
                  - { id: "111" }
                  - { id: "222", reader: twitterapi }
                """);
        ConfigLoader both =
                new ConfigLoader(config, Map.of("AIDIGEST_X_BEARER_TOKEN", "t", "AIDIGEST_TWITTERAPI_KEY", "k"));
        ConfigLoader xOnly = new ConfigLoader(config, Map.of("AIDIGEST_X_BEARER_TOKEN", "t"));

        assertThat(Sources.from(both.app(), both.sources(), Clock.systemUTC()))
                .extracting(Source::name)
                .containsExactly("x-list:111", "twitterapi-list:222"); // in the order of sources.yml
        assertThat(Sources.from(xOnly.app(), xOnly.sources(), Clock.systemUTC()))
                .extracting(Source::name)
                .containsExactly("x-list:111");
    }
}
