package dev.aidigest.report;

import dev.aidigest.digest.PostText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rough, stated-as-rough reading of the day's mood offline: how many posts use words of
 * enthusiasm and how many words of worry. The report gives the counts, not a verdict it cannot
 * support.
 */
final class Mood {

    private static final Pattern UP = Pattern.compile(
            "(?i)惊艳|强大|突破|好用|厉害|期待|兴奋|震撼|领先|最强|提升|良心|太强"
                    + "|\\bamazing\\b|\\bincredible\\b|\\bimpressive\\b|\\bexcit|\\bawesome\\b|\\bgreat\\b|\\bbest\\b|\\bbreakthrough|\\blove\\b|🔥");
    private static final Pattern DOWN = Pattern.compile(
            "(?i)担忧|风险|危险|泡沫|降智|失望|批评|裁员|作弊|警惕|吓人|质疑|割裂"
                    + "|\\bworr|\\brisks?\\b|\\bdanger|\\bconcern|\\bbubble\\b|\\bhype\\b|\\bfail|\\bwrong\\b|\\bnerf|\\bscary\\b|\\blayoff|\\bdisappoint");

    private Mood() {}

    static String describe(List<DayPost> posts) {
        int up = 0;
        int down = 0;
        for (DayPost p : posts) {
            String t = PostText.clean(p.text());
            up += UP.matcher(t).find() ? 1 : 0;
            down += DOWN.matcher(t).find() ? 1 : 0;
        }
        if (up + down == 0) {
            return "情绪词很少，无法判断整体情绪。";
        }
        String verdict = up >= 2 * Math.max(1, down) ? "整体偏积极" : down >= up ? "担忧与质疑的声音明显" : "以积极为主，也有担忧与质疑";
        return "按情绪词表粗略统计，" + up + " 条推文带有积极表述，" + down + " 条带有担忧或批评，" + verdict + "。";
    }
}
