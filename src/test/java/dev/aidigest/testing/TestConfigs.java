package dev.aidigest.testing;

import dev.aidigest.config.AppConfig;

/** AppConfig records for tests of the chat side (other sections left empty). */
public final class TestConfigs {

    private TestConfigs() {}

    /** No chat platform at all: serve runs the scheduler and the web server only. */
    public static AppConfig noChat() {
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
                null,
                null,
                null,
                new AppConfig.HttpConfig(0),
                null,
                null,
                null);
    }

    public static AppConfig telegram(String apiUrl, String webhookSecret) {
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
                new AppConfig.TelegramConfig(FakeTelegramBotApi.TOKEN, apiUrl, webhookSecret, ""),
                null,
                null,
                new AppConfig.HttpConfig(0),
                null,
                null,
                null);
    }
}
