package dev.aidigest.report;

import java.util.List;

/**
 * Writes the daily report from the day's material. The offline writer extracts; the LLM writer
 * (in {@code dev.aidigest.llm}) writes in at most two calls and falls back to the offline one.
 */
public interface ReportWriter {

    /**
     * @param names the day's most frequent product and model names, most frequent first (from the word
     *              counts of the word cloud)
     */
    DailyReport write(DayMaterial material, List<String> names);
}
