package dev.aidigest.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code /subscribe} takes after the plan: topic words ({@code 机器人 视频生成}), and
 * {@code 提醒} (or {@code notify}) for one line when a digest has nothing on them. Topics are plain
 * words: markup, links or more than {@value #MAX_CHARS} characters are refused with one line.
 */
public record TopicWords(List<String> topics, boolean emptyNotice) {

    static final int MAX_CHARS = 200;
    static final int MAX_TOPICS = 10;
    private static final Pattern MARKUP = Pattern.compile("[<>\\[\\]()`*_{}|\\\\#@]|://|&[a-zA-Z#]");

    /** The words, or the one-line reason they are refused. */
    static Parsed parse(List<String> words) {
        List<String> topics = new ArrayList<>();
        boolean notice = false;
        int chars = 0;
        for (String w : words) {
            if (w.equals("提醒") || w.equalsIgnoreCase("notify")) {
                notice = true;
                continue;
            }
            chars += w.length();
            if (chars > MAX_CHARS) {
                return new Parsed(null, "主题太长：合计最多 " + MAX_CHARS + " 个字符。");
            }
            if (MARKUP.matcher(w).find() || w.chars().anyMatch(Character::isISOControl)) {
                return new Parsed(null, "主题只能是普通词语，不能含链接或格式符号：" + clip(w));
            }
            if (!topics.contains(w)) {
                topics.add(w);
            }
        }
        if (topics.size() > MAX_TOPICS) {
            return new Parsed(null, "主题太多：最多 " + MAX_TOPICS + " 个。");
        }
        return new Parsed(new TopicWords(List.copyOf(topics), notice && !topics.isEmpty()), null);
    }

    /** Either the topics or the reason. */
    record Parsed(TopicWords words, String refusal) {
        Optional<TopicWords> ok() {
            return Optional.ofNullable(words);
        }
    }

    private static String clip(String w) {
        String plain = w.replaceAll("\\p{Cntrl}", "");
        return plain.length() > 20 ? plain.substring(0, 20) + "…" : plain;
    }
}
