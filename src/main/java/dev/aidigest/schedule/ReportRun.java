package dev.aidigest.schedule;

import java.time.LocalDate;
import java.util.OptionalLong;

/** Builds the daily report of a date and stores it; {@link #NONE} builds nothing (the job then does nothing). */
public interface ReportRun {

    ReportRun NONE = date -> OptionalLong.empty();

    /** Builds and stores the report of {@code date}; returns its row id in table digest, if one was made. */
    OptionalLong runDate(LocalDate date);
}
