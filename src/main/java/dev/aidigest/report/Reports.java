package dev.aidigest.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where the report reads the day's digests and posts and keeps the result (implemented by {@code store.ReportStore}). */
public interface Reports {

    /** Items of the digests whose window ended in {@code (after, upTo]}, oldest digest first, in item order. */
    List<DayItem> items(Instant after, Instant upTo);

    /** Categories of the digests whose window ended in {@code (after, upTo]}, one list per digest. */
    List<List<String>> categories(Instant after, Instant upTo);

    /** Posts created in {@code [from, to)}, oldest first. */
    List<DayPost> posts(Instant from, Instant to);

    /**
     * Saves the report of {@code report.date()} with its categories, markdown and word-cloud PNG (null for
     * none); a report already stored for the date is replaced in place (same row id), its key points
     * becoming the row's items. Returns the row id.
     */
    long save(DailyReport report, List<String> categories, String markdown, byte[] wordCloudPng);

    /** The stored word-cloud PNG of a date's report. */
    Optional<byte[]> wordCloud(LocalDate date);
}
