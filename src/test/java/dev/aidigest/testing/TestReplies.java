package dev.aidigest.testing;

import dev.aidigest.channel.Reply;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.command.DigestReplies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Digest replies like the seeds (title, categories, numbered items with bold phrases and links), for rendering tests. */
public final class TestReplies {

    private TestReplies() {}

    /** {@code items} items whose summaries grow by {@code summaryRepeat} sentences. */
    public static Reply digest(int items, int summaryRepeat) {
        List<ArchivedDigest.Item> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            list.add(new ArchivedDigest.Item(
                    i,
                    "Black Forest Labs 发布 FLUX.2 <第" + i + "条>",
                    "**FLUX.2** 支持 4MP 输出 & 多参考图 [beta]。" + "这是一段用于测试长度的中文摘要文字。".repeat(summaryRepeat),
                    "https://x.com/merve/status/" + (1000 + i),
                    List.of("merve", "歸藏(guizang.ai)")));
        }
        return new DigestReplies()
                .of(new ArchivedDigest(
                        7,
                        "digest",
                        "2025.11.26.16",
                        "2025.11.26.16 过去4小时全球AI发生了什么？",
                        Instant.parse("2025-11-26T08:00:00Z"),
                        List.of("AI模型", "AI应用"),
                        list,
                        "gpt-4o-mini"));
    }
}
