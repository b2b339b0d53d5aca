package dev.aidigest.channel.lark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChannelException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each Lark answer (HTTP status, code, rate-limit reset header) maps to one of our exceptions. */
class LarkErrorsTest {

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2} ({3} s)")
    @CsvSource({
        "200, 11232, RateLimited, 5",
        "400, 230020, RateLimited, 1",
        "429, 99991400, RateLimited, 52",
        "400, 230002, Forbidden, 0",
        "400, 230013, Forbidden, 0",
        "400, 230045, Forbidden, 0",
        "400, 230001, BadFormat, 0",
        "400, 230025, BadFormat, 0",
        "400, 230099, BadFormat, 0",
        "400, 230027, ChannelException, 0",
        "500, 1500, ChannelException, 0"
    })
    void mapsEachAnswer(int status, int code, String expected, long seconds) {
        ChannelException e = LarkErrors.map(status, code, "msg", code == 99991400 ? 52 : -1);
        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(e.getMessage()).contains(String.valueOf(code));
        if (e instanceof ChannelException.RateLimited r) {
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @ParameterizedTest(name = "custom bot code {0} -> {1}")
    @CsvSource({
        "11232, RateLimited",
        "19001, Forbidden",
        "19024, BadFormat",
        "9499, BadFormat",
        "19021, ChannelException"
    })
    void mapsEachCustomBotAnswer(int code, String expected) {
        assertThat(LarkCustomBotChannel.map(200, code, "msg").getClass().getSimpleName())
                .isEqualTo(expected);
    }
}
