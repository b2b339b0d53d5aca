package dev.aidigest.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The file formats {@code import FILE --format ...} accepts. */
public enum Format {
    /** X API v2 JSON exactly as the API returns it ({@code data}, {@code includes}, {@code errors}). */
    X_API_V2("x-api-v2"),
    /** An RSS 2.0 or Atom 1.0 feed (RSSHub and Nitter twitter routes become X posts). */
    RSS("rss"),
    /** One JSON object per line; the fields are documented on {@code JsonlParser}. */
    JSONL("jsonl");

    private final String cliName;

    Format(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line. */
    public String cliName() {
        return cliName;
    }

    /** Reads {@code x-api-v2|rss|jsonl} (case-insensitive). */
    public static Format parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.cliName.equals(n)) {
                return f;
            }
        }
        throw new BadInputException("Unknown format '" + name + "': use x-api-v2, rss or jsonl.");
    }

    /**
     * Guesses the format of a file when {@code --format} is not given: XML is a feed; a {@code .jsonl}
     * or {@code .ndjson} name, or a first line that is a whole JSON object followed by more lines, is
     * JSON lines; any other JSON is X API v2.
     */
    public static Format guess(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom")) {
            return RSS;
        }
        String head = new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.UTF_8).strip();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).strip();
        }
        if (head.startsWith("<")) {
            return RSS;
        }
        int newline = head.indexOf('\n');
        if (newline > 0) {
            String first = head.substring(0, newline).strip();
            if (first.startsWith("{")
                    && first.endsWith("}")
                    && !head.substring(newline).isBlank()) {
                return JSONL;
            }
        }
        return X_API_V2;
    }
}
