package dev.aidigest.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.digest.MarkdownSafe;
import dev.aidigest.digest.PostText;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.json.Jackson;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a story answer can go into the digest: one JSON object with a Chinese headline
 * and summary of sane length whose numbers and names all come from the posts. The error text is
 * written for the model, because it is sent back once for a repair.
 */
final class AnswerCheck {

    static final int HEADLINE_MAX = 60;
    static final int SUMMARY_MIN = 20;
    static final int SUMMARY_MAX = 400;
    private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?</think>");

    private final ObjectMapper json = Jackson.json();

    /** A usable summary, or the reason it is not. */
    record Result(StorySummary summary, String error) {
        boolean ok() {
            return summary != null;
        }

        static Result fail(String error) {
            return new Result(null, error);
        }
    }

    Result story(String answer, Grounding grounding) {
        JsonNode node = parseObject(answer);
        if (node == null) {
            return Result.fail("回答不是一个合法的 JSON 对象");
        }
        String headline = text(node, "headline").replaceAll("[。.]+$", "");
        String summary = text(node, "summary");
        if (headline.isEmpty() || summary.isEmpty()) {
            return Result.fail("缺少 headline 或 summary 字段，或字段为空");
        }
        int hl = PostText.length(headline);
        int sl = PostText.length(summary.replace("**", ""));
        if (hl > HEADLINE_MAX) {
            return Result.fail("headline 太长（" + hl + " 字，最多 " + HEADLINE_MAX + " 字）");
        }
        if (sl > SUMMARY_MAX) {
            return Result.fail("summary 太长（" + sl + " 字，最多 " + SUMMARY_MAX + " 字）");
        }
        if (sl < SUMMARY_MIN) {
            return Result.fail("summary 太短（" + sl + " 字，至少 " + SUMMARY_MIN + " 字）");
        }
        if (PostText.cjkCount(headline) < 2 || PostText.cjkCount(summary) < 10) {
            return Result.fail("headline 和 summary 必须用中文写（产品名可保留英文）");
        }
        List<String> missing = grounding.ungrounded(headline + "\n" + summary);
        if (!missing.isEmpty()) {
            return Result.fail("这些数字或名称在帖子里没有出现：" + String.join("、", missing) + "；只能使用帖子里出现过的数字和名称");
        }
        return new Result(
                new StorySummary(MarkdownSafe.headline(headline), MarkdownSafe.withBold(summary), false), null);
    }

    /** The JSON object in an answer, tolerating code fences, a reasoning block or a sentence around it. */
    JsonNode parseObject(String answer) {
        return parse(answer, '{', '}');
    }

    /** The JSON array in an answer, with the same tolerance. */
    JsonNode parseArray(String answer) {
        return parse(answer, '[', ']');
    }

    private JsonNode parse(String answer, char open, char close) {
        if (answer == null) {
            return null;
        }
        String s = THINKING.matcher(answer).replaceAll("");
        int start = s.indexOf(open);
        int end = s.lastIndexOf(close);
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode node = json.readTree(s.substring(start, end + 1));
            return node != null && (open == '{' ? node.isObject() : node.isArray()) ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText().replaceAll("\\s+", " ").strip() : "";
    }
}
