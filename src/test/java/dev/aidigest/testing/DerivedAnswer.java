package dev.aidigest.testing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a well-behaved model would answer, made only of things in the request: a Chinese headline
 * and summary naming the first product-like name, the first plain number and the authors of the
 * posts. For the categories call, three labels.
 */
final class DerivedAnswer {

    private static final Pattern NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(?:[.\\-]?\\d+(?:\\.\\d+)?)(?:-[A-Za-z0-9]+)*\\b|\\b[A-Z][a-z]+[A-Z][A-Za-z]+\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])\\d+(?:\\.\\d+)?(?![\\w.])");

    private DerivedAnswer() {}

    static String of(FakeChatRequest request) {
        if (!request.isStory()) {
            return "[\"AI模型\", \"AI应用\", \"行业洞察\"]";
        }
        Set<String> authors = new LinkedHashSet<>();
        String name = null;
        String number = null;
        for (FakeChatRequest.PostBlock p : request.posts()) {
            authors.add(p.author());
            Matcher n = NAME.matcher(p.text());
            if (name == null && n.find()) {
                name = n.group();
            }
            Matcher d = NUMBER.matcher(p.text());
            if (number == null && d.find()) {
                number = d.group();
            }
        }
        String lead = authors.isEmpty() ? "作者" : authors.iterator().next();
        String headline = (name == null ? "" : name + " ") + "相关动态：" + lead + "发布新消息";
        StringBuilder summary = new StringBuilder(lead).append("发布了");
        summary.append(name == null ? "一条新消息" : "关于 **" + name + "** 的消息");
        if (number != null) {
            summary.append("，其中提到的数字是 **").append(number).append("**");
        }
        summary.append("。");
        if (authors.size() > 1) {
            authors.remove(lead);
            summary.append(String.join(" / ", authors)).append(" 也参与了讨论。");
        }
        summary.append("这段摘要由测试服务器根据帖子内容生成，只使用帖子里出现过的名称和数字。");
        return "{\"headline\": " + quote(headline) + ", \"summary\": " + quote(summary.toString()) + "}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
