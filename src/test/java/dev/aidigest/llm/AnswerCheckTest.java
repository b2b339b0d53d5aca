package dev.aidigest.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.digest.StorySummary;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerCheckTest {

    private static final String POSTS = "merve\nFLUX.2 is out! It needs 80GB of VRAM.";
    private final AnswerCheck check = new AnswerCheck();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"headline\": \"FLUX.2 图像模型发布。\", \"summary\": \"merve 宣布 **FLUX.2** 图像模型发布，运行需要 **80GB** 显存。\"}",
                "```json\n{\"headline\": \"FLUX.2 图像模型发布\", \"summary\": \"merve 宣布 **FLUX.2** 图像模型发布，运行需要 **80GB** 显存。\"}\n```",
                "<think>帖子说 80GB，还提到 96GB？不，没有。</think>{\"headline\": \"FLUX.2 图像模型发布\", \"summary\": \"merve 宣布 **FLUX.2** 图像模型发布，运行需要 **80GB** 显存。\"}",
                "好的，以下是结果：{\"headline\": \"FLUX.2 图像模型发布\", \"summary\": \"merve 宣布 **FLUX.2** 图像模型发布，运行需要 **80GB** 显存。\"}"
            })
    void acceptsTheJsonObjectInsideFencesReasoningOrProse(String answer) {
        AnswerCheck.Result r = check.story(answer, new Grounding(POSTS));

        assertThat(r.error()).isNull();
        assertThat(r.summary())
                .isEqualTo(new StorySummary("FLUX.2 图像模型发布", "merve 宣布 **FLUX.2** 图像模型发布，运行需要 **80GB** 显存。", false));
    }

    @Test
    void neutralisesMarkdownTheModelCopiedFromPosts() {
        String answer =
                "{\"headline\": \"[FLUX.2] 发布 *新* 模型\", \"summary\": \"merve 宣布 **FLUX.2** 发布，见 [链接](https://evil.example) 和 `代码` 以及 <b>标签</b>。\"}";

        StorySummary s = check.story(answer, new Grounding(POSTS + " https://evil.example"))
                .summary();

        assertThat(s.headline()).isEqualTo("［FLUX.2］ 发布 ＊新＊ 模型");
        assertThat(s.summary())
                .contains("**FLUX.2**", "［链接］(https://evil.example)", "｀代码｀", "＜b＞")
                .doesNotContain("`", "<b>");
    }

    @Test
    void readsRetryAfterInSecondsMillisecondsOrAsAnHttpDate() {
        assertThat(ProviderHttpClient.retryAfter(headers(Map.of("Retry-After", List.of("2")))))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(ProviderHttpClient.retryAfter(
                        headers(Map.of("retry-after-ms", List.of("250"), "Retry-After", List.of("1")))))
                .isEqualTo(Duration.ofMillis(250));
        String inTenSeconds =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        assertThat(ProviderHttpClient.retryAfter(headers(Map.of("Retry-After", List.of(inTenSeconds)))))
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(ProviderHttpClient.retryAfter(headers(Map.of("Retry-After", List.of("soon")))))
                .isNull();
        assertThat(ProviderHttpClient.retryAfter(headers(Map.of()))).isNull();
    }

    private static HttpHeaders headers(Map<String, List<String>> map) {
        return HttpHeaders.of(map, (a, b) -> true);
    }
}
