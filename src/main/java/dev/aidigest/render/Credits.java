package dev.aidigest.render;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The credit line of a digest item wherever it is shown (markdown, chats, the daily report): the
 * first {@value #SHOWN} names joined by {@code " / "}, then {@code 等 N 位作者} for the N not shown, so
 * a story told by a hundred accounts still fits on one line. The item itself keeps every name.
 */
public final class Credits {

    /** Names shown before the count; up to this many, every name is shown. */
    public static final int SHOWN = 4;

    private Credits() {}

    /** The line for {@code names} (most relevant first), each name passed through {@code escape}. */
    public static String line(List<String> names, UnaryOperator<String> escape) {
        int shown = Math.min(SHOWN, names.size());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : " / ").append(escape.apply(names.get(i)));
        }
        if (names.size() > shown) {
            sb.append(" 等 ").append(names.size() - shown).append(" 位作者");
        }
        return sb.toString();
    }

    /** {@link #line(List, UnaryOperator)} for text that needs no escaping (chat spans escape their own). */
    public static String line(List<String> names) {
        return line(names, UnaryOperator.identity());
    }
}
