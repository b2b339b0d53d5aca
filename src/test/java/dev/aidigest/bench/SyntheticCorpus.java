package dev.aidigest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated AI posts for the benchmark and for the bundled embedding background: {@code stories}
 * made-up launches, papers, deals and opinions, each told in a few English and Chinese variants
 * in the register of the seeds, plus off-topic chatter. Deterministic for a seed.
 *
 * <p>The texts are templated, so they are more alike than real posts; they are not used to measure
 * clustering quality (the hand-written labelled set is), only speed and the background mean.
 */
final class SyntheticCorpus {

    /** One story: its name and the distinct texts that tell it. */
    record Story(String name, List<String> texts) {}

    private static final String[] COMPANIES = {
        "OpenAI",
        "Anthropic",
        "Google DeepMind",
        "Meta",
        "Mistral",
        "Alibaba",
        "Tencent",
        "ByteDance",
        "Moonshot",
        "Zhipu",
        "xAI",
        "Nvidia",
        "Microsoft",
        "Apple",
        "Black Forest Labs",
        "Stability",
        "Runway",
        "Perplexity",
        "Cohere",
        "AI2",
        "Hugging Face",
        "MiniMax",
        "StepFun",
        "Baidu",
        "DeepSeek"
    };
    private static final String[] STEMS = {
        "Orion", "Kestrel", "Nova", "Falcon", "Lumen", "Atlas", "Zephyr", "Helix", "Quill", "Vega", "Sable", "Ember",
        "Tidal", "Cobalt", "Juniper", "Mosaic", "Onyx", "Pika", "Raven", "Sierra", "Tango", "Umbra", "Vireo", "Willow",
        "Xenon", "Yarrow", "Zinnia", "Aurora", "Briar", "Cinder"
    };
    private static final String[] SUFFIX = {
        "-VL", "-Coder", " Pro", " Flash", "-Audio", "-Math", " Turbo", "-R1", " Mini", "-Video", "-Omni", "-Agent"
    };
    private static final String[][] KINDS = {
        {"image generation and editing model", "图像生成与编辑模型"},
        {"open-weight coding model", "开源编程模型"},
        {"vision-language model", "多模态视觉语言模型"},
        {"reasoning model", "推理模型"},
        {"text-to-video model", "文生视频模型"},
        {"speech model", "语音模型"},
        {"agent framework", "智能体框架"},
        {"math prover", "数学证明模型"}
    };
    private static final String[] EN = {
        "%1$s just released %2$s, a new %3$s. %4$s on the benchmarks and weights are on Hugging Face",
        "Tried %2$s from %1$s this morning. Honestly impressive for a %3$s, %4$s",
        "%2$s is now #1 trending on the hub. %1$s keeps shipping, %4$s",
        "Big day: %1$s announced %2$s (%3$s), %5$sB parameters, %4$s. API pricing cut by half",
        "Thread on %2$s: what is new, how it compares with last month's models, and where it still fails",
        "Hot take: %2$s is the most underrated %3$s of the year. %4$s and nobody is talking about it"
    };
    private static final String[] ZH = {
        "%1$s 刚刚发布了 %2$s，新的%6$s，%7$s，权重已经开源",
        "实测 %2$s：作为%6$s表现很稳，%7$s，中文提示词遵循也不错",
        "%2$s 登上 Hugging Face 热榜第一，%1$s 这周又在疯狂发布，%7$s",
        "%1$s 推出 %2$s（%6$s），参数量 %5$sB，%7$s，API 价格直接砍半",
        "关于 %2$s 的几点观察：和上个月的模型比有什么不同，哪些地方还不行"
    };
    private static final String[] CLAIMS_EN = {
        "SOTA on SWE-bench",
        "beats GPT-5 on long context",
        "runs on a single consumer GPU",
        "2x faster inference",
        "native 1M token context",
        "best open model on LMArena",
        "matches Claude Opus 4.5 at a tenth of the cost",
        "strong multilingual OCR"
    };
    private static final String[] CLAIMS_ZH = {
        "SWE-bench 刷到了新高",
        "长上下文超过 GPT-5",
        "一张消费级显卡就能跑",
        "推理速度提升两倍",
        "原生支持百万 token 上下文",
        "LMArena 开源第一",
        "成本只有 Claude Opus 4.5 的十分之一",
        "多语言 OCR 很强"
    };
    private static final String[] CHATTER = {
        "Good morning everyone ☀️",
        "早上好，今天也要加油",
        "What a game last night, the Lakers finally won",
        "周末去吃了一家超好吃的火锅，强烈推荐",
        "Coffee first, then everything else",
        "今天北京下雪了，好冷",
        "Happy Thanksgiving to all who celebrate 🦃",
        "Can't believe the election results",
        "Just finished a 10k run, legs are dead",
        "晚安"
    };

    private SyntheticCorpus() {}

    static List<Story> stories(int count, long seed) {
        Random r = new Random(seed);
        List<Story> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            String company = COMPANIES[r.nextInt(COMPANIES.length)];
            String product = STEMS[s % STEMS.length]
                    + (s / STEMS.length + 1 + (r.nextBoolean() ? ".5" : ""))
                    + SUFFIX[r.nextInt(SUFFIX.length)];
            String[] kind = KINDS[r.nextInt(KINDS.length)];
            String size = String.valueOf(1 + r.nextInt(400));
            List<String> texts = new ArrayList<>();
            for (int v = 0; v < 4; v++) {
                boolean zh = v % 2 == 1;
                String[] templates = zh ? ZH : EN;
                int claim = r.nextInt(CLAIMS_EN.length);
                texts.add(String.format(
                        templates[r.nextInt(templates.length)],
                        company,
                        product,
                        kind[0],
                        CLAIMS_EN[claim],
                        size,
                        kind[1],
                        CLAIMS_ZH[claim]));
            }
            out.add(new Story(product, texts));
        }
        return out;
    }

    static List<String> chatter() {
        return List.of(CHATTER);
    }
}
