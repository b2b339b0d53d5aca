package dev.aidigest.digest.rank;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a text: amounts, prices, percentages, sizes, durations, dates and ranks
 * ({@code $0.3}, {@code 25 credits/sec}, {@code 50%}, {@code 400K}, {@code 10 亿美元}, {@code Dec 31},
 * {@code #2}), each with its value so that {@code 128K} and {@code 12.8 万}, {@code $1B} and
 * {@code 10 亿美元} are one figure whichever language tells it.
 *
 * <p>Digits that belong to a name are not figures: {@code GPT-5.2}, {@code Trainium3}, {@code H200}
 * are glued to letters, and a bare number after a capitalised word is a version ({@code Veo 3.1},
 * {@code Gemini 3}). A lone small integer ({@code 1.} of a list, {@code 2 of them}) is not
 * {@link Figure#substantial() substantial}: it says nothing a reader would call a new figure.
 */
final class Figures {

    /** One figure: as written, its value, and what kind it is. */
    record Figure(
            String surface,
            double value,
            boolean money,
            boolean perUnit,
            boolean rank,
            boolean substantial,
            int start,
            int end) {

        /** The value rounded, so that {@code 41.0%} and {@code 41%} compare equal. */
        String key() {
            return new BigDecimal(value)
                    .round(new MathContext(6))
                    .stripTrailingZeros()
                    .toPlainString();
        }
    }

    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";

    private static final Pattern FIGURE = Pattern.compile("(?<month>\\b" + MONTH + "\\s)?"
            + "(?<rank>[#＃]|第\\s?)?"
            + "(?<cur>[$€¥£￥])?\\s?"
            + "(?<![\\p{L}\\p{N}._\\-/])"
            + "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
            + "(?<mag>\\s?(?:[KkMGBT]|万|亿|千|thousand|million|billion|trillion)(?![A-Za-z]))?"
            + "(?<unit>\\s?(?:%|％|x|×|倍|美元|美金|元|块|欧元|USD|dollars?|credits?|积分"
            + "|ms|毫秒|秒|s|secs?|seconds?|minutes?|mins?|分钟|hours?|小时|天|days?|weeks?|周"
            + "|fps|帧|p|tokens?|GB|TB|MB|GW|MW|kW|W|个|条|次|张|卡|颗|名|位|年|月|日|号)(?![A-Za-z]))?"
            + "(?<per>\\s?/\\s?(?:1M|M|million|s|sec|second|month|mo)(?![A-Za-z])"
            + "|\\s(?:per|a)\\s(?:1M|million|second|sec|month|token)(?![A-Za-z]))?"
            + "(?![A-Za-z0-9])");

    private static final Pattern CHINESE_RANK = Pattern.compile("第([一二三四五六七八九十])");
    private static final String CHINESE_DIGITS = "一二三四五六七八九十";
    /** A capitalised word inside a sentence, then one space: what a version number follows. */
    private static final Pattern VERSION_BEFORE = Pattern.compile("[^\\s.!?。！？]\\s+([A-Z][\\w.+-]*)\\s$");

    private static final Pattern MONTH_WORD = Pattern.compile(MONTH);
    private static final Set<String> MONEY_UNITS =
            Set.of("美元", "美金", "元", "块", "欧元", "usd", "dollar", "dollars", "credit", "credits", "积分");

    private Figures() {}

    /** The figures of {@code text} in order. */
    static List<Figure> in(String text) {
        List<Figure> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            double value = Double.parseDouble(m.group("num").replace(",", "")) * magnitude(m.group("mag"));
            String unit = m.group("unit") == null ? "" : m.group("unit").strip().toLowerCase(java.util.Locale.ROOT);
            boolean rank = m.group("rank") != null;
            boolean money = m.group("cur") != null || MONEY_UNITS.contains(unit);
            boolean per = m.group("per") != null || unit.startsWith("credit") || unit.equals("积分");
            boolean marked = rank || money || m.group("month") != null || m.group("mag") != null || !unit.isEmpty();
            boolean version = !marked && versionOf(text, m.start("num"));
            boolean afterPer = !money
                    && text.substring(Math.max(0, m.start() - 4), m.start()).endsWith("per ");
            boolean substantial = !version
                    && !afterPer
                    && (marked
                            || m.group("per") != null
                            || value >= 10
                            || m.group("num").contains("."));
            int start =
                    m.start() + (m.group().length() - m.group().stripLeading().length());
            out.add(new Figure(m.group().strip(), value, money, per, rank, substantial, start, m.end()));
        }
        Matcher c = CHINESE_RANK.matcher(text);
        while (c.find()) {
            double value = CHINESE_DIGITS.indexOf(c.group(1)) + 1;
            out.add(new Figure(c.group(), value, false, false, true, true, c.start(), c.end()));
        }
        return out;
    }

    /**
     * A bare number right after a capitalised word inside a sentence that is not a month: {@code Veo
     * 3.1}, {@code Claude Opus 4.5}; not {@code In 2025, …}, whose capital only opens the sentence.
     */
    private static boolean versionOf(String text, int start) {
        Matcher before = VERSION_BEFORE.matcher(text.substring(Math.max(0, start - 40), start));
        return before.find() && !MONTH_WORD.matcher(before.group(1)).matches();
    }

    private static double magnitude(String mag) {
        if (mag == null) {
            return 1;
        }
        return switch (mag.strip()) {
            case "K", "k", "千", "thousand" -> 1e3;
            case "万" -> 1e4;
            case "M", "million" -> 1e6;
            case "亿" -> 1e8;
            case "G", "B", "billion" -> 1e9;
            case "T", "trillion" -> 1e12;
            default -> 1;
        };
    }
}
