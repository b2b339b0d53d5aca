package dev.aidigest.ingest.setup;

import dev.aidigest.ingest.Format;
import dev.aidigest.ingest.PostParser;
import dev.aidigest.ingest.feed.FeedParser;
import dev.aidigest.ingest.jsonl.JsonlParser;
import dev.aidigest.ingest.x.XApiV2Parser;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** The parser of each import {@link Format}. */
public final class Parsers {
    private Parsers() {}

    /** @param displayNames handle (lower case) → name as configured ({@code SourcesConfig.displayNames()}) */
    public static Map<Format, PostParser> all(Map<String, String> displayNames, Clock clock) {
        Map<Format, PostParser> parsers = new EnumMap<>(Format.class);
        parsers.put(Format.X_API_V2, new XApiV2Parser(displayNames, clock));
        parsers.put(Format.RSS, new FeedParser(displayNames, clock));
        parsers.put(Format.JSONL, new JsonlParser(clock));
        return parsers;
    }
}
