package dev.aidigest.digest.summary;

import dev.aidigest.digest.Story;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The digest's 3–6 category labels without an LLM: each label has keywords (Chinese and English);
 * a label counts the stories whose posts mention one of them, and the most-counted labels win
 * (a label needs about one story in seven; fewer than three winners are padded with the first rules).
 */
final class CategoryRules {

    /** In the order used to break ties; the first three also pad a digest with too few matches. */
    private static final Map<String, Pattern> RULES = new LinkedHashMap<>();

    static {
        rule("AI模型", "模型|model|llm|gpt|claude|gemini|llama|qwen|mistral|deepseek|flux|权重|weights|参数|开源");
        rule("AI应用", "应用|app\\b|chatgpt|功能|feature|用户|users?\\b|语音|voice|生成|视频|video|图像|image|ppt|会员");
        rule("行业洞察", "认为|预测|观点|趋势|未来|泡沫|predict|believe|think|bubble|trend|future|opinion|warn|批评");
        rule("AI工具", "工具|tool|claude code|cursor|codex|github|插件|plugin|提示词|prompt|agent|智能体|workflow|开发者|developer");
        rule("研发进展", "论文|paper|research|研究|arxiv|benchmark|基准|sota|训练|training|推理|reasoning|强化学习|\\brl\\b|实验");
        rule("AI伦理", "伦理|ethic|安全|safety|版权|copyright|监管|regulat|失业|jobs?\\b|偏见|bias|隐私|privacy|诉讼|lawsuit");
        rule("硬件设施", "gpu|tpu|芯片|chip|数据中心|data ?cent|算力|compute|nvidia|英伟达|电力|power|\\d+\\s?gw\\b|吉瓦|超算|supercomput");
        rule("AI产业", "公司|company|市场|market|收购|acquisi|合作|partner|营收|revenue|估值|valuation|竞争|compet|产业|industry");
        rule(
                "融资动态",
                "融资|funding|raised?\\b|series [a-e]\\b|[a-e]轮|投资|invest|\\$\\s?\\d+(?:\\.\\d+)?\\s?[mb]\\b|亿美元|万美元");
    }

    private CategoryRules() {}

    private static void rule(String label, String regex) {
        RULES.put(label, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** 3–6 labels for these stories, most common first. */
    static List<String> categories(List<Story> stories) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        RULES.keySet().forEach(label -> counts.put(label, 0));
        for (Story story : stories) {
            String text = storyText(story);
            RULES.forEach((label, p) -> {
                if (p.matcher(text).find()) {
                    counts.merge(label, 1, Integer::sum);
                }
            });
        }
        List<String> labels = new ArrayList<>(counts.keySet());
        // a label one story in fifteen touches is noise, not a theme of the digest
        int min = Math.max(1, Math.round(stories.size() * 0.15f));
        labels.removeIf(l -> counts.get(l) < min);
        labels.sort((a, b) -> counts.get(b) - counts.get(a)); // stable: ties keep the RULES order
        List<String> out = new ArrayList<>(labels.subList(0, Math.min(6, labels.size())));
        for (String pad : RULES.keySet()) {
            if (out.size() >= 3) {
                break;
            }
            if (!out.contains(pad)) {
                out.add(pad);
            }
        }
        return out;
    }

    private static String storyText(Story story) {
        StringBuilder sb = new StringBuilder();
        story.posts().forEach(p -> sb.append(p.post().text()).append('\n'));
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
