package dev.aidigest.bench;

import dev.aidigest.digest.StoredPost;
import dev.aidigest.digest.Story;
import dev.aidigest.testing.StoryFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up but realistic 4-hour window: ~600 posts by the accounts of the seed digests, Chinese
 * and English, short takes and long threads, with links, hashtags, emoji and retweets; 15 of the
 * stories (the seed digests' topics, 1 to 11 posts each) are the ones ranking chose.
 *
 * @param all    every post text in the window
 * @param chosen the stories that made the cut, most posts first
 */
record WindowPosts(List<String> all, List<Story> chosen) {

    private static final String[][] ZH_AUTHORS = {
        {"dotey", "宝玉"}, {"vista8", "向阳乔木"}, {"op7418", "歸藏(guizang.ai)"}, {"oran_ge", "Orange AI"}, {"imxiaohu", "小互"}
    };
    private static final String[][] EN_AUTHORS = {
        {"mervenoyann", "merve"},
        {"ClementDelangue", "clem 🤗"},
        {"PeterDiamandis", "Peter H. Diamandis, MD"},
        {"GaryMarcus", "Gary Marcus"},
        {"bentossell", "Ben Tossell"},
        {"amasad", "Amjad Masad"},
        {"AndrewYNg", "Andrew Ng"},
        {"EMostaque", "Emad"}
    };
    private static final int[] SIZES = {11, 8, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1};
    private static final int WINDOW = 600;

    /** The 15 chosen topics: facts in Chinese, then in English. */
    private static final String[][][] TOPICS = {
        {
            {
                "FLUX.2 正式发布，是一个先进的图像生成与编辑模型。",
                "它采用单文本编码器 Mistral Small 3.1 和 DiT 架构。",
                "不量化需要超过 80GB 显存，QLoRA 可以降低需求。",
                "实测 2K 分辨率下一致性很好，色彩控制精准。",
                "中文提示词遵循还有些问题，世界知识不如 Banana。"
            },
            {
                "FLUX.2 is out: a state-of-the-art image generation and editing model.",
                "It uses a single text encoder, Mistral Small 3.1, and a DiT.",
                "Without quantization it needs more than 80GB of VRAM; QLoRA brings that down.",
                "Diffusers support landed on day one.",
                "It is trending #1 on the Hub with 500 likes in 2 hours."
            }
        },
        {
            {
                "Claude Opus 4.5 发布，编码和智能体能力大幅提升。",
                "在 SWE-bench Verified 上拿到 80.9%。",
                "价格降到每百万输入 token 5 美元。",
                "在 FactoryAI 里重构复杂代码非常快。"
            },
            {
                "Claude Opus 4.5 is here, with big gains in coding and agents.",
                "It scores 80.9% on SWE-bench Verified.",
                "Pricing drops to $5 per million input tokens.",
                "In FactoryAI it refactors gnarly code fast."
            }
        },
        {
            {
                "Nano Banana Pro 生成真实感照片和头像效果很好。",
                "Kimi 上线了支持 Nano Banana Pro 的 PPT 生成功能，48 小时免费。",
                "用 Labnana 可以绕过 Gemini 对公众人物图片的限制。"
            },
            {
                "Nano Banana Pro makes photoreal portraits that are hard to tell apart.",
                "Kimi now generates slides with Nano Banana Pro, free for 48 hours.",
                "Old family photos get a modern remake in one prompt."
            }
        },
        {
            {"sfcompute 完成 4000 万美元融资。", "他们正在招聘 Linux 程序员来建设超级计算机。"},
            {
                "sfcompute raised $40M.",
                "They are hiring Linux programmers to build their supercomputer.",
                "Compute markets are getting real."
            }
        },
        {
            {"Gary Marcus 再次批评大模型无法通向 AGI。", "他说如果 GPT-5 到 2025 年底不能显著领先，OpenAI 的热度会消退。"},
            {
                "If GPT-5 does not leapfrog competitors by the end of 2025, enthusiasm for OpenAI will fade.",
                "LLMs still lack world models and hallucinations are not going away.",
                "Out-of-distribution generalization remains the key problem."
            }
        },
        {
            {"美国启动创世纪计划，大力投资 AI 基础设施。", "AWS 计划投资 500 亿美元建设政府 AI 基础设施。", "亚马逊部署 50 万颗 Trainium 2 芯片。"},
            {
                "The Genesis Mission is the most important science project since 1939.",
                "AWS will invest $50B in AI infrastructure for the US government.",
                "Amazon is deploying 500K Trainium 2 chips."
            }
        },
        {
            {"GitHub 热门项目 LLM Council 短时间内获得超过 5 千星标。", "它同时调用多个大模型匿名互评排名，再由主席模型综合输出。"},
            {
                "LLM Council by Karpathy passed 5,000 stars.",
                "Several models answer, review each other anonymously, and a chairman model writes the final answer."
            }
        },
        {
            {"ChatGPT 的语音通话功能更新了，不用切换到单独界面。", "直接在文字聊天里就能语音对话，减少了割裂感。"},
            {
                "ChatGPT voice now works right inside the chat, no separate screen.",
                "You can see the transcript as you talk."
            }
        },
        {
            {"到 2030 年超大规模 AI 数据中心需要额外 80-100 吉瓦电力。", "这相当于数十座核电站，正在重塑美国能源战略。"},
            {
                "By 2030, hyperscale AI data centers will need an additional 80-100GW of power.",
                "That is dozens of nuclear plants, and it is reshaping US energy strategy."
            }
        },
        {
            {"吴恩达认为 AI 应用层被低估，训练基础设施风险最高。"},
            {
                "Is there an AI bubble? The application layer is underinvested.",
                "Inference infrastructure still needs a lot of investment; training infrastructure is the riskiest."
            }
        },
        {
            {"Ilya Sutskever 说继续扩展会持续改进模型，但总会缺少一些重要的东西。", "他强调真正的泛化能力和高效学习能力。"},
            {"Ilya: scaling will keep improving models, but something important will still be missing."}
        },
        {
            {"华纳音乐与 Suno 达成和解并撤销诉讼。", "Suno 承诺在 2026 年推出授权模型，并收购了 Songkick。"},
            {"Warner Music and Suno settled and will build licensed AI music together."}
        },
        {
            {"阿里通义的 Z-Image Turbo 登顶 Hugging Face 模型榜。"},
            {"Z-Image Turbo from Ali_TongyiLab is #1 on Hugging Face trending."}
        },
        {{"Kosmos AI 把 4-6 个月的专家工作量压缩到 12 小时。"}, {"Edison's Kosmos compresses 4-6 months of expert work into 12 hours."}
        },
        {
            {"Replit 推出 1000 美元信用包，限时 8 折。"},
            {"Replit: a one-time 20% discount on the $1000 credit pack for the holidays."}
        },
    };

    private static final String[] ZH_FILLER = {
        "我的看法是，这件事的影响会比大家想的更大。",
        "评论区很多人在讨论实际体验。",
        "附上完整的测试过程和提示词。",
        "这说明开源社区的迭代速度越来越快了。",
        "对普通用户来说，最重要的是能不能真正用起来。",
        "我把关键点整理成了一个长图。",
        "大家可以自己试试看，欢迎反馈。",
        "从产品角度看，这一步走得很稳。",
        "不过成本问题依然没有解决。",
        "接下来几个月会有更多团队跟进。",
        "顺便说一下，文档写得相当清楚。",
        "这和去年同期相比是完全不同的局面。",
        "如果你是开发者，值得花一个小时研究一下。",
        "很多细节在原文里，建议读全文。"
    };
    private static final String[] EN_FILLER = {
        "This is bigger than most people realize.",
        "Full thread below with the details.",
        "The replies are full of people trying it out.",
        "Open source keeps moving faster than anyone expected.",
        "What matters is whether normal people can actually use it.",
        "Costs are still the elephant in the room.",
        "Expect many teams to follow in the next few months.",
        "The docs are surprisingly good.",
        "Huge congrats to the team!",
        "I have been testing it all morning and have thoughts.",
        "This changes the economics for startups.",
        "Read the whole thing."
    };
    private static final String[] MINOR = {
        "AI 编程",
        "智能体",
        "开源模型",
        "视频生成",
        "AI 搜索",
        "多模态",
        "端侧模型",
        "AI 教育",
        "agents",
        "open weights",
        "video models",
        "AI search",
        "robotics",
        "evals",
        "inference costs",
        "AI safety"
    };

    static WindowPosts generate(long seed) {
        Random rnd = new Random(seed);
        StoryFixtures f = new StoryFixtures();
        List<String> all = new ArrayList<>();
        List<Story> chosen = new ArrayList<>();
        for (int t = 0; t < TOPICS.length; t++) {
            List<StoredPost> posts = new ArrayList<>();
            for (int i = 0; i < SIZES[t]; i++) {
                boolean zh = i % 2 == 0 ? t % 3 != 1 : rnd.nextBoolean();
                String[] author = pick(rnd, zh ? ZH_AUTHORS : EN_AUTHORS);
                String text = i > 0 && rnd.nextInt(6) == 0
                        ? "RT @" + posts.get(0).post().authorHandle() + ": "
                                + posts.get(0).post().text() // a retweet repeats the lead
                        : compose(rnd, TOPICS[t][zh ? 0 : 1], zh ? ZH_FILLER : EN_FILLER, zh);
                posts.add(f.post(author[0], author[1], text));
                all.add(text);
            }
            chosen.add(new Story(posts));
        }
        while (all.size() < WINDOW) {
            boolean zh = rnd.nextInt(5) < 2;
            String topic = MINOR[rnd.nextInt(MINOR.length)];
            String lead = zh ? "关于" + topic + "的一点想法：" : "Some thoughts on " + topic + ": ";
            all.add(lead + compose(rnd, new String[0], zh ? ZH_FILLER : EN_FILLER, zh));
        }
        return new WindowPosts(all, chosen);
    }

    /** Some facts, then commentary up to a length drawn from what these accounts post (a quarter are long threads). */
    private static String compose(Random rnd, String[] facts, String[] filler, boolean zh) {
        StringBuilder sb = new StringBuilder();
        int nFacts = facts.length == 0 ? 0 : 1 + rnd.nextInt(facts.length);
        for (int i = 0; i < nFacts; i++) {
            sb.append(facts[i]).append(zh ? "" : " ");
        }
        int target = rnd.nextInt(4) == 0
                ? (zh ? 500 + rnd.nextInt(700) : 700 + rnd.nextInt(900))
                : (zh ? 60 + rnd.nextInt(160) : 80 + rnd.nextInt(240));
        while (sb.length() < target) {
            sb.append(pick(rnd, filler)).append(zh ? "" : " ");
            if (rnd.nextInt(8) == 0) {
                sb.append("\n\n");
            }
        }
        if (rnd.nextInt(3) == 0) {
            sb.append(" https://t.co/").append(Long.toString(rnd.nextLong() & 0xffffffffL, 36));
        }
        if (rnd.nextInt(4) == 0) {
            sb.append(zh ? " 🔥👇" : " 🚀 #AI #LLM #GenAI");
        }
        return sb.toString().strip();
    }

    private static <T> T pick(Random rnd, T[] items) {
        return items[rnd.nextInt(items.length)];
    }
}
