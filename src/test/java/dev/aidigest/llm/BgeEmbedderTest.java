package dev.aidigest.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgeEmbedderTest {

    static final String LONG_ZH =
            "OpenAI 今天发布了新一代推理模型，在数学、代码和科学问答基准上都有明显提升，" + "同时把 API 价格降低了一半。官方博客说，新模型在长上下文任务中更稳定，幻觉率下降了三成。";
    static final String LONG_EN = "Anthropic published a long post on interpretability: they traced how a model plans "
            + "rhymes ahead of time, found features for refusing harmful requests, and argued that circuit-level "
            + "understanding will be needed before we can trust frontier systems with autonomous work. ";

    static final List<String> TEXTS = List.of(
            "谷歌发布 Gemini 3，多模态能力大幅提升",
            "Google released Gemini 3 today, with much better multimodal reasoning.",
            "宝玉：今天试了一下 Claude Opus 4.5 写代码，重构一个 3000 行的项目只用了十分钟 🤯",
            "just tried the new open-weights model from DeepSeek, it's scary good at math",
            "英伟达财报：数据中心收入同比增长 112%，H200 供不应求。",
            "Meta is hiring again for its superintelligence lab; offers reportedly exceed $100M.",
            "a",
            "字",
            "https://t.co/abc123 check this out!! #AI #LLM @karpathy",
            "李飞飞团队开源了 World Labs 的 3D 场景生成模型，支持从单张图片生成可交互的世界。",
            "RT @sama: we are launching GPT-5 to all plus users this week. rollout will take a few days.",
            "Mistral 发布 Codestral 25.01，代码补全速度提升两倍，支持 80 多种编程语言。",
            "The FLUX.2 release notes mention a 4x faster sampler and native 4MP output.",
            "开源社区的 llama.cpp 已经支持在手机上运行 70 亿参数的模型了，速度还不错。",
            "Café owners in Zürich are using LLMs to write menus — naïve but it works.",
            LONG_ZH.repeat(8),
            LONG_EN.repeat(5),
            "人工智能".repeat(200),
            (LONG_ZH + LONG_EN).repeat(4),
            "深度学习".repeat(127) + "🤗🤗🤗");

    static BgeEmbedder embedder;
    static LangChainBgeEmbedder reference;

    @BeforeAll
    static void load() {
        embedder = new BgeEmbedder();
        reference = new LangChainBgeEmbedder();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void givesLangchain4jsVectorsOfTheLowerCasedTextIncludingTruncatedTexts() {
        List<float[]> expected = reference.embed(
                TEXTS.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList());
        List<float[]> actual = embedder.embed(TEXTS);

        assertThat(actual).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(dot(actual.get(i), expected.get(i))).as("text %d", i).isGreaterThanOrEqualTo(0.9999);
        }
    }

    @Test
    void keepsInputOrderWhateverTheLengths() {
        List<String> shuffled = new ArrayList<>(TEXTS);
        Collections.shuffle(shuffled, new Random(7));

        List<float[]> together = embedder.embed(shuffled);

        for (int i = 0; i < shuffled.size(); i++) {
            float[] alone = embedder.embed(List.of(shuffled.get(i))).get(0);
            assertThat(dot(together.get(i), alone)).as("text %d", i).isGreaterThanOrEqualTo(0.9999);
        }
    }

    @Test
    void givesUnitVectorsOf512Floats() {
        for (float[] v : embedder.embed(TEXTS)) {
            assertThat(v).hasSize(embedder.dimensions());
            assertThat(dot(v, v)).isCloseTo(1.0, within(1e-5));
        }
        assertThat(embedder.dimensions()).isEqualTo(512);
        assertThat(embedder.model()).isEqualTo("bge-small-zh-v1.5-q-lc");
    }

    @Test
    void readsEnglishNamesWhateverTheirCase() {
        List<float[]> v = embedder.embed(List.of(
                "OpenAI released GPT-5 and NVIDIA shipped Blackwell",
                "openai released gpt-5 and nvidia shipped blackwell"));

        assertThat(dot(v.get(0), v.get(1))).isGreaterThanOrEqualTo(0.9999);
    }

    @Test
    void placesRelatedTextsCloserThanUnrelatedOnes() {
        List<float[]> v = embedder.embed(List.of(TEXTS.get(4), "英伟达公布季度业绩，数据中心业务收入翻倍，GPU 依然紧缺。", TEXTS.get(13)));

        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.1);
    }

    @Test
    void batchingMovesVectorsOnlySlightlyBecauseTheModelQuantizesPerBatch() {
        List<float[]> expected = embedder.embed(TEXTS);
        try (BgeEmbedder batched = BgeEmbedders.batched(8, 1, 2)) {
            List<float[]> actual = batched.embed(TEXTS);

            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(dot(actual.get(i), expected.get(i))).as("text %d", i).isGreaterThan(0.97);
            }
        }
    }

    @Test
    void embedsNothingAndBlankTextsWithoutFailing() {
        assertThat(embedder.embed(List.of())).isEmpty();

        List<float[]> v = embedder.embed(Arrays.asList("", "   ", null, "ok"));

        assertThat(v).hasSize(4).allSatisfy(x -> assertThat(dot(x, x)).isCloseTo(1.0, within(1e-5)));
    }

    @Test
    void servesConcurrentCallersTheSameVectors() throws Exception {
        List<float[]> expected = embedder.embed(TEXTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> embedder.embed(TEXTS)));
            }
            for (Future<List<float[]>> call : calls) {
                List<float[]> got = call.get();
                for (int i = 0; i < TEXTS.size(); i++) {
                    assertThat(dot(got.get(i), expected.get(i))).isGreaterThanOrEqualTo(0.9999);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
