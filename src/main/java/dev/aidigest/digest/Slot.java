package dev.aidigest.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A 4-hour digest slot, named by the local hour its window ends ({@code 2025.11.26.16} in
 * Asia/Shanghai covers 12:00–16:00 that day). Slots end at 00, 04, 08, 12, 16 and 20.
 */
public record Slot(ZonedDateTime end) {

    public static final Duration LENGTH = Duration.ofHours(4);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy.MM.dd.HH");

    public Slot {
        if (end.getMinute() != 0 || end.getSecond() != 0 || end.getNano() != 0 || end.getHour() % 4 != 0) {
            throw new IllegalArgumentException("a slot ends on a whole hour divisible by 4: " + end);
        }
    }

    /** The last slot that has ended at or before {@code at}. */
    public static Slot endingAtOrBefore(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        return new Slot(t.withHour(t.getHour() - t.getHour() % 4));
    }

    /** Parses {@code YYYY.MM.DD.HH}; the hour must be one of 00/04/08/12/16/20. */
    public static Slot parse(String name, ZoneId zone) {
        try {
            return new Slot(LocalDateTime.parse(name.trim(), NAME).atZone(zone));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "not a digest slot (want YYYY.MM.DD.HH with HH in 00,04,..,20): " + name, e);
        }
    }

    public String name() {
        return NAME.format(end);
    }

    public Instant windowStart() {
        return end.minus(LENGTH).toInstant();
    }

    public Instant windowEnd() {
        return end.toInstant();
    }

    public Slot previous() {
        return new Slot(end.minus(LENGTH));
    }

    public Slot next() {
        return new Slot(end.plus(LENGTH));
    }

    /** The title every digest carries, e.g. {@code 2025.11.26.16 过去4小时全球AI发生了什么？}. */
    public String title() {
        return name() + " 过去4小时全球AI发生了什么？";
    }

    @Override
    public String toString() {
        return name();
    }
}
