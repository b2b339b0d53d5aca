package dev.aidigest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Made-up posts in the voice of the AI accounts we follow: 100–280 chars, Chinese, English or both. */
final class TweetTexts {

    private static final String[] ZH = {
        "OpenAI 刚刚发布了新一代推理模型，数学和代码基准大幅领先。", "谷歌 DeepMind 公布了 Gemini 3 的技术报告，多模态能力再上台阶。",
        "今天试了一下 Claude 写代码，重构一个三千行的项目只花了十分钟。", "英伟达财报超预期，数据中心收入同比增长一倍多。",
        "开源社区又一次追上了闭源模型，差距只剩几个月。", "Meta 的超级智能实验室还在疯狂挖人，据说报价上亿美元。",
        "这个 Agent 框架最大的问题是上下文管理，长任务很容易跑偏。", "国产大模型价格战还在继续，百万 token 已经降到一块钱以内。",
        "李飞飞团队开源了 3D 世界生成模型，单张图片就能生成可交互场景。", "大家觉得 AI 编程会不会让初级程序员失业？我的看法是会改变岗位而不是消灭岗位。",
        "微软把 Copilot 塞进了所有 Office 应用，企业用户的反馈两极分化。", "阿里通义千问发布新版本，中文长文本理解明显提升。",
        "DeepSeek 的论文值得细读，训练成本的下降才是真正的新闻。", "今天的直播里我们演示了如何用本地模型做知识库问答。",
        "图像生成模型越来越擅长写字了，海报设计的门槛又降低了。", "苹果终于在 Siri 里接入了大模型，但体验还有待观察。",
        "机器人公司这周又融了十亿美元，具身智能的热度还在上升。", "推理成本下降的速度比摩尔定律快得多，这会改变很多商业模式。",
        "有人问我怎么入门大模型，我的建议是先把 Transformer 论文读三遍。", "评测集被污染的问题越来越严重，榜单分数只能参考。",
    };
    private static final String[] EN = {
        "we just shipped a new reasoning model that beats every public benchmark we track.",
        "the gap between open and closed models is now measured in months, not years.",
        "spent the weekend building an agent that files my expenses. it mostly works.",
        "inference costs are falling faster than anyone predicted two years ago.",
        "hot take: evals are the real moat, not the weights.",
        "our paper on sparse autoencoders is out, with code and checkpoints.",
        "the new image model finally renders text correctly on posters and menus.",
        "scaling laws still hold, but data quality matters more than raw token count.",
        "robotics is having its gpt moment, or at least the funding says so.",
        "if you are not using long context for code review, try it today.",
        "thread on what we learned training a 70b model on a tight budget:",
        "a reminder that benchmarks saturate and vibes do not.",
        "excited to announce that our lab is hiring research engineers in london and sf.",
        "the api price dropped by half overnight, which changes the unit economics of every startup.",
        "interpretability work like this is how we will earn trust in frontier systems.",
        "local models on a laptop are now good enough for most writing tasks.",
    };
    private static final String[] EXTRAS = {
        " https://t.co/x7Kq2mPz", " #AI", " #LLM", " 🚀", " 🤯", " 👇", " @karpathy", " (1/5)", " 链接在评论区",
    };

    private TweetTexts() {}

    static List<String> generate(int count, Random random) {
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            int target = 100 + random.nextInt(181);
            int mix = random.nextInt(100); // 40% Chinese, 35% English, 25% both
            StringBuilder text = new StringBuilder();
            while (text.length() < target) {
                boolean chinese = mix < 40 || (mix >= 75 && random.nextBoolean());
                String[] pool = chinese ? ZH : EN;
                text.append(pool[random.nextInt(pool.length)]).append(chinese ? "" : " ");
                if (random.nextInt(5) == 0) {
                    text.append(EXTRAS[random.nextInt(EXTRAS.length)]).append(' ');
                }
            }
            int end = Character.isHighSurrogate(text.charAt(target - 1)) ? target - 1 : target;
            out.add(text.substring(0, end).strip());
        }
        return out;
    }
}
