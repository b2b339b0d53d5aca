package dev.aidigest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void bundledDefaultsWorkWithNoConfigDirectory() {
        ConfigLoader loader = new ConfigLoader(dir.resolve("missing"), Map.of());
        AppConfig app = loader.app();
        assertThat(app.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(app.llm().enabled()).isFalse();
        assertThat(app.digest().maxItems()).isEqualTo(17);
        assertThat(app.schedule().catchUpSlots()).isEqualTo(1);
        assertThat(loader.sources().displayNames())
                .containsEntry("dotey", "宝玉")
                .containsEntry("op7418", "歸藏(guizang.ai)")
                .containsEntry("clementdelangue", "clem 🤗")
                .containsEntry("peterdiamandis", "Peter H. Diamandis, MD");
        assertThat(loader.prompt("story")).isNotBlank();
    }

    @Test
    void environmentOverridesTheFile() {
        AppConfig app = new ConfigLoader(
                        dir,
                        Map.of(
                                "AIDIGEST_LLM_BASE_URL", "http://127.0.0.1:9/v1",
                                "AIDIGEST_HTTP_PORT", "9090",
                                "AIDIGEST_TIMEZONE", "UTC",
                                "AIDIGEST_DIGEST_CRON", "0/5 * * * * ?",
                                "AIDIGEST_TELEGRAM_TOKEN", "t"))
                .app();
        assertThat(app.llm().enabled()).isTrue();
        assertThat(app.llm().baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(app.http().port()).isEqualTo(9090);
        assertThat(app.zone().getId()).isEqualTo("UTC");
        assertThat(app.digest().cron()).isEqualTo("0/5 * * * * ?");
        assertThat(app.telegram().enabled()).isTrue();
        assertThat(app.telegram().apiUrl()).isEqualTo("https://api.telegram.org");
    }

    @Test
    void larkReceivesOverTheLongConnectionUnlessTheCallbackIsChosen() {
        assertThat(new ConfigLoader(dir, Map.of()).app().lark().receive())
                .isEqualTo(AppConfig.LarkConfig.Receive.LONG_CONNECTION);
        assertThat(new ConfigLoader(dir, Map.of("AIDIGEST_LARK_RECEIVE", "callback"))
                        .app()
                        .lark()
                        .receive())
                .isEqualTo(AppConfig.LarkConfig.Receive.CALLBACK);
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of("AIDIGEST_LARK_RECEIVE", "webhook")).app())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("webhook")
                .hasMessageContaining("long_connection");
    }

    @Test
    void aUsersFileReplacesTheBundledOne() throws IOException {
        Files.writeString(dir.resolve("sources.yml"), "accounts:\n  - { handle: someone, name: \"某人\" }\n");
        SourcesConfig s = new ConfigLoader(dir, Map.of()).sources();
        assertThat(s.accounts()).singleElement().satisfies(a -> assertThat(a.weight())
                .isEqualTo(1.0));
        assertThat(s.displayNames()).containsExactly(Map.entry("someone", "某人"));
    }

    @Test
    void readsTheWeightOfAccountsNotInSources() throws IOException {
        assertThat(new ConfigLoader(dir, Map.of()).app().ranking().unknownAuthorWeight())
                .isEqualTo(0.7);
        Files.writeString(dir.resolve("application.yml"), "ranking:\n  unknown_author_weight: 0.4\n  norm_days: 7\n");
        AppConfig app = new ConfigLoader(dir, Map.of()).app();
        assertThat(app.ranking().unknownAuthorWeight()).isEqualTo(0.4);
        assertThat(app.ranking().normDays()).isEqualTo(7);
    }

    @Test
    void brokenYamlIsAConfigError() throws IOException {
        Files.writeString(dir.resolve("application.yml"), "llm: [unclosed\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("application.yml");
    }

    @Test
    void aTypoInAKeyIsNamedWithTheFileAndTheKeysKnownThere() throws IOException {
        Files.writeString(dir.resolve("application.yml"), "digest:\n  max_item: 12\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("application.yml") + ": digest.max_item: unknown key")
                .hasMessageContaining("max_items")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownSectionIsAnError() throws IOException {
        Files.writeString(dir.resolve("application.yml"), "telegarm:\n  token: x\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("application.yml: telegarm: unknown key")
                .hasMessageContaining("telegram");
    }

    @Test
    void aWrongTypeNamesTheKeyAndWhatWasExpected() throws IOException {
        Files.writeString(dir.resolve("application.yml"), "http:\n  port: eighty\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("application.yml") + ": http.port: expected a whole number, got 'eighty'");
        Files.writeString(dir.resolve("application.yml"), "digest:\n  max_items: 3.5\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .hasMessageContaining("digest.max_items: expected a whole number");
        Files.writeString(dir.resolve("application.yml"), "discord:\n  webhook_urls: {a: 1}\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .hasMessageContaining("discord.webhook_urls: expected a list");
    }

    @Test
    void aValueOutOfRangeIsNamedByTheRecordThatChecksIt() throws IOException {
        Files.writeString(dir.resolve("application.yml"), "digest:\n  min_items: 10\n  max_items: 5\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("application.yml") + ": digest: max_items (5) is below min_items (10)");
        Files.writeString(dir.resolve("application.yml"), "http:\n  port: 70000\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .hasMessage(dir.resolve("application.yml") + ": http.port: 70000 is not a TCP port (0 to 65535)");
        Files.writeString(dir.resolve("application.yml"), "timezone: Asia/Shangai\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).app())
                .hasMessageContaining("application.yml: timezone: not a time zone: 'Asia/Shangai'");
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of("AIDIGEST_HTTP_PORT", "80a")).app())
                .isInstanceOf(ConfigException.class)
                .hasMessage("AIDIGEST_HTTP_PORT (environment): http.port: expected a whole number, got '80a'");
    }

    @Test
    void keysLeftOutOfTheUsersFileKeepTheirDefaults() throws IOException {
        Files.writeString(dir.resolve("application.yml"), "digest:\n  max_items: 12\n");
        AppConfig app = new ConfigLoader(dir, Map.of()).app();
        assertThat(app.digest().maxItems()).isEqualTo(12);
        assertThat(app.digest().minItems()).isEqualTo(10);
        assertThat(app.digest().siteDir()).isEqualTo("site");
        assertThat(app.http().port()).isEqualTo(8080);
    }

    @Test
    void sourcesAreCheckedToo() throws IOException {
        Files.writeString(dir.resolve("sources.yml"), "accounts:\n  - { handle: someone, wieght: 2 }\n");
        assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).sources())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("sources.yml") + ": accounts[0].wieght: unknown key")
                .hasMessageContaining("weight");
    }

    @Test
    void aListTakesEitherXReaderAndAnyOtherReaderNameIsRefusedWithItsKey() throws IOException {
        Files.writeString(dir.resolve("sources.yml"), """
                lists:
                  - { id: "111", name: "by the X API" }
                  - { id: "222", reader: twitterapi }
                """);
        SourcesConfig ok = new ConfigLoader(dir, Map.of()).sources();
        assertThat(ok.lists())
                .extracting(SourcesConfig.XList::readBy)
                .containsExactly(SourcesConfig.Reader.X_API, SourcesConfig.Reader.TWITTERAPI);

        for (String reader : new String[] {"nitter", "rsshub"}) {
            Files.writeString(dir.resolve("sources.yml"), """
                    lists:
                      - { id: "111" }
                      - { id: "222", reader: %s }
                    """.formatted(reader));
            assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).sources())
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(dir.resolve("sources.yml")
                            + ": lists[1].reader: a list is read by x-api (the default) or twitterapi, not " + reader);
        }
    }
}
