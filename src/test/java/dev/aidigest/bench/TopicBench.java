package dev.aidigest.bench;

import dev.aidigest.command.TopicSearch;
import dev.aidigest.store.Database;
import dev.aidigest.store.SearchStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * /topic latency over 1,000,000 posts (mixed Chinese and English, product names like FLUX.2 and
 * Qwen3-VL, skewed word frequencies), indexed through the real indexer into an H2 file database.
 * Prints indexing throughput and query p50/p99. Run: mvn -o -Pbench test -Dtest=TopicBench [-Dposts=N]
 */
class TopicBench {

    static final int POSTS = Integer.getInteger("posts", 1_000_000);
    static final String[] PRODUCTS = products();
    static final String[] ZH = ("模型 发布 开源 推理 训练 数据 图像 生成 视频 智能体 芯片 算力 融资 公司 研究 论文 评测 编程 代码 用户 产品 "
                    + "功能 更新 版本 性能 速度 成本 价格 谷歌 微软 苹果 英伟达 阿里 腾讯 字节 百度 机器人 自动驾驶 语音 翻译 搜索 浏览器 "
                    + "插件 安全 隐私 监管 政策 投资 市场 股价 创业 团队 工程师 科学家 实验室 大学 教育 医疗 金融 游戏 音乐 设计 写作 "
                    + "助手 工作流 自动化 部署 服务器 云计算 开发者 社区 基准 排行榜 多模态 长文本 上下文 记忆 检索 向量 数据库 微调 蒸馏 "
                    + "量化 压缩 延迟 吞吐 显存 集群 分布式 框架 接口 平台 生态 合作 收购 裁员 招聘 会议 演讲 观点 争议 伦理 版权")
            .split(" ");
    static final String[] EN =
            ("the model release open weights agents reasoning benchmark coding video image launch today new paper "
                            + "results team research users api pricing faster cheaper context window tokens training inference chips gpu cluster data "
                            + "safety alignment demo product feature update version leaderboard eval open-source startup funding round valuation "
                            + "interview thread thoughts announcement preview beta waitlist available free plus pro enterprise developers")
                    .split(" ");

    static String[] products() {
        List<String> p = new ArrayList<>(Arrays.asList(
                "FLUX.2",
                "Qwen3-VL",
                "Gemini 3",
                "Claude Opus 4.5",
                "GPT-5.1",
                "Nano Banana Pro",
                "SAM 3",
                "Llama 4",
                "DeepSeek-V3.2",
                "Kimi K2",
                "Sora 2",
                "Veo 3",
                "Grok 4",
                "Mistral Large 3"));
        for (int i = 0; p.size() < 300; i++) {
            p.add("Model" + i + "-v" + (i % 7) + "." + (i % 3));
        }
        return p.toArray(String[]::new);
    }

    /** Index skewed towards the start (a few words are very common, most are rare). */
    static String pick(String[] words, Random r) {
        double x = r.nextDouble();
        return words[(int) (words.length * x * x * x)];
    }

    static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(pick(ZH, r));
        }
        sb.append(' ').append(pick(PRODUCTS, r)).append(' ');
        for (int i = 0; i < 5; i++) {
            sb.append(pick(EN, r)).append(' ');
        }
        sb.append(pick(ZH, r)).append("的").append(pick(ZH, r));
        return sb.toString();
    }

    @Test
    void topicLatencyAtAMillionPosts() throws Exception {
        Path dir = Files.createTempDirectory("topicbench");
        try (Database db = Database.open(
                "jdbc:h2:file:" + dir.resolve("db")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "")) {
            long t0 = System.nanoTime();
            load(db);
            long t1 = System.nanoTime();
            SearchStore search = new SearchStore(db);
            // loaded by SQL, not through PostStore: catch up as with a database from before indexing on write
            db.write(c -> c.createStatement()
                    .executeUpdate(
                            "UPDATE search_cursor SET last_id = (SELECT MAX(id) FROM post) WHERE doc_kind = 'P'"));
            int indexed = search.catchUp();
            long t2 = System.nanoTime();
            long terms = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM search_term")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            System.out.printf(
                    "topic bench: %d posts loaded in %.0f s; indexed %d docs (%d postings) in %.0f s = %.0f docs/s%n",
                    POSTS, (t1 - t0) / 1e9, indexed, terms, (t2 - t1) / 1e9, indexed / ((t2 - t1) / 1e9));
            String[] queries = {
                "FLUX.2",
                "Qwen3",
                "qwen3-vl",
                "Gemini 3",
                "claude opus 4.5",
                "模型",
                "谷歌 模型",
                "英伟达 芯片",
                "开源 模型 推理",
                "benchmark",
                "model release",
                "版权 伦理",
                "Model250",
                "不存在的词",
                "gpu 集群"
            };
            for (int i = 0; i < 3; i++) {
                for (String q : queries) {
                    search.search(q, 1, 5);
                }
            }
            List<Long> all = new ArrayList<>();
            for (String q : queries) {
                List<Long> times = new ArrayList<>();
                int hits = 0;
                for (int i = 0; i < 100; i++) {
                    long s = System.nanoTime();
                    TopicSearch.Page p = search.search(q, 1 + (i % 3), 5);
                    times.add(System.nanoTime() - s);
                    hits = Math.max(hits, p.hits().size());
                }
                all.addAll(times);
                System.out.printf(
                        "  %-18s p50 %6.2f ms  p99 %6.2f ms  (%d hits/page)%n",
                        q, pct(times, 50), pct(times, 99), hits);
            }
            System.out.printf(
                    "topic bench: %d posts, %d queries: p50 %.2f ms, p99 %.2f ms (target p99 <= 50 ms)%n",
                    POSTS, all.size(), pct(all, 50), pct(all, 99));
        }
    }

    static double pct(List<Long> nanos, int p) {
        List<Long> s = new ArrayList<>(nanos);
        s.sort(null);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
    }

    static void load(Database db) {
        Random r = new Random(42);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        int batch = 5000;
        for (int from = 0; from < POSTS; from += batch) {
            int base = from;
            db.transaction(c -> insert(c, r, start, base, Math.min(POSTS, base + batch)));
        }
    }

    static int insert(Connection c, Random r, Instant start, int from, int to) throws java.sql.SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO post (platform, platform_id, author_handle, author_name,"
                        + " text, created_at, url, ingested_at) VALUES ('x', ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = from; i < to; i++) {
                String handle = "user" + (i % 500);
                ps.setString(1, String.valueOf(i));
                ps.setString(2, handle);
                ps.setString(3, handle);
                ps.setString(4, text(r));
                ps.setObject(5, start.plusSeconds(i * 30L).atOffset(ZoneOffset.UTC));
                ps.setString(6, "https://x.com/" + handle + "/status/" + i);
                ps.setObject(7, start.plusSeconds(i * 30L).atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return to - from;
    }
}
