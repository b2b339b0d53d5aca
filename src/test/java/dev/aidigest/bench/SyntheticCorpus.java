package dev.aidigest.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated AI posts for the benchmark and for the bundled embedding background: {@code stories}
 * made-up launches, papers, deals and opinions, each told in a few English and Chinese variants
 * in the register of the seeds, plus off-topic chatter. Deterministic for a seed.
 *
 * <p>The texts are templated, so they are more alike than real posts; they are not used to measure
 * clustering quality (the hand-written labelled set is), only speed and the background mean. Public
 * for the tests that need a big story ({@link #launch}, {@link #accounts}).
 */
public final class SyntheticCorpus {

    /** One story: its name and the distinct texts that tell it. */
    public record Story(String name, List<String> texts) {}

    /** An X account: handle and display name. */
    public record Account(String handle, String name) {}

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

    private static final String[] ZH_NAME_HEADS = {"AI", "大模型", "硅谷", "极客", "算法", "开源", "智能体", "深度学习", "提示词", "产品"};
    private static final String[] ZH_NAME_TAILS = {"观察", "日报", "小王", "笔记", "研究所", "老张", "说", "前线", "实验室", "派"};
    private static final String[] FIRST = {
        "Lena", "Marco", "Priya", "Tom", "Aisha", "Kenji", "Sofia", "Omar", "Julia", "Ravi", "Nina", "Diego", "Hannah",
        "Yuki", "Ben", "Clara", "Arjun", "Eva", "Felix", "Mei"
    };
    private static final String[] LAST = {
        "Park", "Rossi", "Shah", "Miller", "Khan", "Sato", "Garcia", "Haddad", "Novak", "Iyer", "Berg", "Silva",
        "Weber", "Tanaka", "Cohen"
    };

    private SyntheticCorpus() {}

    public static List<Story> stories(int count, long seed) {
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

    public static List<String> chatter() {
        return List.of(CHATTER);
    }

    /**
     * The day's biggest news: one launch told in {@code count} distinct texts (at most 74), English and
     * Chinese alternating, every template of {@link #stories} with every claim, about the same product.
     */
    public static Story launch(int count, long seed) {
        Random r = new Random(seed);
        String company = COMPANIES[r.nextInt(COMPANIES.length)];
        String product = STEMS[r.nextInt(STEMS.length)] + " " + (2 + r.nextInt(4)) + SUFFIX[r.nextInt(SUFFIX.length)];
        String[] kind = KINDS[r.nextInt(KINDS.length)];
        String size = String.valueOf(1 + r.nextInt(400));
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        for (int c = 0; c < CLAIMS_EN.length; c++) {
            for (String t : EN) {
                en.add(String.format(t, company, product, kind[0], CLAIMS_EN[c], size, kind[1], CLAIMS_ZH[c]));
            }
            for (String t : ZH) {
                zh.add(String.format(t, company, product, kind[0], CLAIMS_EN[c], size, kind[1], CLAIMS_ZH[c]));
            }
        }
        Collections.shuffle(en, r);
        Collections.shuffle(zh, r);
        List<String> texts = new ArrayList<>();
        for (int i = 0; texts.size() < count && i < en.size(); i++) {
            for (String t : i < zh.size() ? List.of(en.get(i), zh.get(i)) : List.of(en.get(i))) {
                if (texts.size() < count && !texts.contains(t)) { // templates without a claim repeat
                    texts.add(t);
                }
            }
        }
        return new Story(product, texts);
    }

    /**
     * {@code count} distinct accounts (at most 400), as a big story's tellers look on X: Chinese
     * nicknames and English names, handles made from them.
     */
    public static List<Account> accounts(int count, long seed) {
        List<Account> all = new ArrayList<>();
        for (int i = 0; i < ZH_NAME_HEADS.length * ZH_NAME_TAILS.length; i++) {
            String head = ZH_NAME_HEADS[i % ZH_NAME_HEADS.length];
            String tail = ZH_NAME_TAILS[i / ZH_NAME_HEADS.length];
            all.add(new Account("zh_" + i, head + tail));
        }
        for (int i = 0; i < FIRST.length * LAST.length; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[i / FIRST.length];
            all.add(new Account((first.charAt(0) + last).toLowerCase(Locale.ROOT) + i, first + " " + last));
        }
        Collections.shuffle(all, new Random(seed));
        if (count > all.size()) {
            throw new IllegalArgumentException("at most " + all.size() + " accounts");
        }
        return List.copyOf(all.subList(0, count));
    }
}
