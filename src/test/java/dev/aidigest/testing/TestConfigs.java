package dev.aidigest.testing;

import dev.aidigest.config.AppConfig;

/** AppConfig records for tests of the chat side (other sections left empty). */
public final class TestConfigs {

    private TestConfigs() {}

    /** No chat platform at all: serve runs the scheduler and the web server only. */
    public static AppConfig noChat() {
        return chat(null, null, null);
    }

    public static AppConfig telegram(String apiUrl, String webhookSecret) {
        return chat(new AppConfig.TelegramConfig(FakeTelegramBotApi.TOKEN, apiUrl, webhookSecret, ""), null, null);
    }

    /** The chat platforms given (null: none), the web server on any free port, everything else empty. */
    public static AppConfig chat(AppConfig.TelegramConfig tg, AppConfig.LarkConfig lc, AppConfig.HealthConfig health) {
        return new AppConfig(
                "Asia/Shanghai",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                tg,
                null,
                lc,
                new AppConfig.HttpConfig(0),
                null,
                null,
                health);
    }
}
