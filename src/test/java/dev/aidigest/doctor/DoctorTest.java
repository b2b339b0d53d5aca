package dev.aidigest.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.config.AppConfig;
import dev.aidigest.testing.FakeDiscordApi;
import dev.aidigest.testing.FakeLarkOpenApi;
import dev.aidigest.testing.FakeOpenAi;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.testing.FakeXApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** doctor against the loopback fakes: every platform, the LLM and X on a good setup, then on a broken one. */
class DoctorTest {

    static AppConfig config(
            String telegramToken,
            String telegramUrl,
            String larkSecret,
            String larkUrl,
            String discordToken,
            String discordUrl,
            String llmUrl,
            String xToken,
            String xUrl) {
        return new AppConfig(
                "Asia/Shanghai",
                null,
                new AppConfig.LlmConfig(llmUrl, "k", "gpt-4o-mini", 5, 1, 0, 600, 6, false),
                null,
                null,
                null,
                null,
                new AppConfig.XConfig(xUrl, xToken, 10),
                null,
                new AppConfig.TelegramConfig(telegramToken, telegramUrl, "", ""),
                new AppConfig.DiscordConfig(discordToken, "", discordUrl, "", List.of()),
                new AppConfig.LarkConfig(
                        FakeLarkOpenApi.APP_ID,
                        larkSecret,
                        larkUrl,
                        "",
                        "",
                        AppConfig.LarkConfig.Receive.CALLBACK,
                        List.of()),
                new AppConfig.HttpConfig(0),
                null,
                null,
                null);
    }

    static Map<String, Doctor.Result> byName(List<Doctor.Result> results) {
        return results.stream().collect(Collectors.toMap(Doctor.Result::name, Function.identity()));
    }

    @Test
    void aGoodSetupPassesEveryCheckAndABrokenOneSaysWhatIsWrong() throws Exception {
        try (FakeTelegramBotApi telegram = new FakeTelegramBotApi();
                FakeLarkOpenApi lark = new FakeLarkOpenApi();
                FakeDiscordApi discord = new FakeDiscordApi();
                FakeOpenAi llm = FakeOpenAi.start();
                FakeXApi x = new FakeXApi();
                FakeXApi refusingX = new FakeXApi()) {
            x.reply(
                    "/2/users/by",
                    200,
                    "{\"data\":[{\"id\":\"1\",\"username\":\"dotey\"}]}".getBytes(StandardCharsets.UTF_8),
                    Map.of());
            Map<String, Doctor.Result> good = byName(new Doctor(
                            config(
                                    FakeTelegramBotApi.TOKEN,
                                    telegram.url(),
                                    FakeLarkOpenApi.APP_SECRET,
                                    lark.url(),
                                    FakeDiscordApi.TOKEN,
                                    discord.apiUrl(),
                                    llm.baseUrl(),
                                    "bearer",
                                    x.baseUrl()),
                            List.of("dotey"),
                            null)
                    .run());
            for (String check : List.of("telegram", "lark", "discord", "llm", "x-api")) {
                assertThat(good.get(check).outcome()).as(good.get(check).line()).isEqualTo(Doctor.Outcome.OK);
            }
            assertThat(good.get("telegram").line()).isEqualTo("ok   telegram: getMe: @" + FakeTelegramBotApi.BOT_NAME);
            assertThat(good.get("llm").detail()).startsWith("model ");
            assertThat(llm.requests()).hasSize(1);

            refusingX.reply(
                    "/2/users/by", 401, "{\"title\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8), Map.of());
            Map<String, Doctor.Result> broken = byName(new Doctor(
                            config(
                                    "999:wrong",
                                    telegram.url(),
                                    "wrong-secret",
                                    lark.url(),
                                    "wrong-token",
                                    discord.apiUrl(),
                                    "http://127.0.0.1:9/v1",
                                    "bad",
                                    refusingX.baseUrl()),
                            List.of("dotey"),
                            Path.of("/nonexistent/font.ttc"))
                    .run());
            assertThat(broken.values())
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.line()).isEqualTo(Doctor.Outcome.FAILED));
            assertThat(broken.get("telegram").detail()).contains("401");
            assertThat(broken.get("lark").detail()).contains("10014");
            assertThat(broken.get("discord").detail()).contains("401");
            assertThat(broken.get("llm").detail()).contains("unreachable");
            assertThat(broken.get("x-api").detail()).contains("401");
            assertThat(broken.get("word-cloud font").detail()).contains("not found");
            assertThat(broken.values()).allSatisfy(r -> assertThat(r.line()).doesNotContain("\n"));
        }
    }

    @Test
    void whatIsNotConfiguredIsSkippedNotFailed() {
        Map<String, Doctor.Result> r =
                byName(new Doctor(config("", "", "", "", "", "", "", "", ""), List.of(), null).run());
        for (String check : List.of("telegram", "discord", "llm", "x-api")) {
            assertThat(r.get(check).outcome()).as(r.get(check).line()).isEqualTo(Doctor.Outcome.SKIPPED);
        }
    }
}
