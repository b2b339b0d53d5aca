package dev.aidigest.mcp;

import dev.aidigest.command.TopicSearch.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The {@code since} / {@code until} of the search tool: an ISO date ({@code 2025-11-26}, a whole day
 * in the digest's time zone: since its start, until its end) or an ISO date-time, with an offset
 * ({@code 2025-11-26T12:00:00+08:00}, {@code …Z}) or without one (then in the digest's time zone). A
 * date-time {@code until} is exclusive. Anything else is a {@link ToolRefusal} naming the argument.
 */
final class SearchRange {

    static final String FORMS = "YYYY-MM-DD or an ISO date-time such as 2025-11-26T12:00:00+08:00";
    private static final int MAX_CHARS = 40;

    private SearchRange() {}

    /** @param since null or blank: open; likewise {@code until} */
    static TimeRange of(String since, String until, ZoneId zone) {
        Instant from = instant("since", since, zone, false);
        Instant to = instant("until", until, zone, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ToolRefusal("since (" + since.strip() + ") must be before until (" + until.strip() + ")");
        }
        return new TimeRange(from, to);
    }

    /** How the range reads in a result's heading: {@code since 2025-11-20 00:00, until 2025-11-27 00:00}. */
    static String describe(TimeRange range, ZoneId zone) {
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        StringBuilder s = new StringBuilder();
        if (range.since() != null) {
            s.append("since ").append(at.format(range.since().atZone(zone)));
        }
        if (range.until() != null) {
            s.append(s.length() == 0 ? "" : ", ")
                    .append("before ")
                    .append(at.format(range.until().atZone(zone)));
        }
        return s.append(s.length() == 0 ? "" : " " + zone).toString();
    }

    private static Instant instant(String name, String text, ZoneId zone, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > MAX_CHARS) {
            throw new ToolRefusal(name + " is not a date or a date-time (want " + FORMS + ")");
        }
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(t);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (t.matches(".*(Z|z|[+-]\\d{2}(:?\\d{2})?)$")) {
                return OffsetDateTime.parse(t.toUpperCase(java.util.Locale.ROOT))
                        .toInstant();
            }
            return ZonedDateTime.of(LocalDateTime.parse(t), zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ToolRefusal(
                    name + " is not a date or a date-time: " + StoryId.shorten(text) + " (want " + FORMS + ")");
        }
    }
}
