package dev.aidigest.ingest.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostParser;
import dev.aidigest.ingest.StrictDecoder;
import dev.aidigest.json.Jackson;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads posts as JSON lines: one JSON object per line, blank lines ignored, UTF-8.
 *
 * <pre>{@code
 * {"platform":"x","id":"1993...","author_handle":"dotey","author_name":"宝玉","text":"...",
 *  "created_at":"2025-11-26T08:12:00Z","url":"https://x.com/dotey/status/1993...","lang":"zh",
 *  "likes":0,"reposts":0,"replies":0,"quotes":0,"impressions":0,
 *  "ref_type":null,"ref_id":null,"ref_author":null,"links":[],"media":[],"conversation_id":null}
 * }</pre>
 *
 * <ul>
 *   <li>Required: {@code id} (string or number), {@code author_handle} (without {@code @}),
 *       {@code text}, {@code created_at} (ISO-8601 with {@code Z} or an offset, e.g.
 *       {@code 2025-11-26T16:12:00+08:00}).
 *   <li>{@code platform}: {@code x} (default) or {@code rss}. {@code url} defaults to
 *       {@code https://x.com/<handle>/status/<id>} for X posts. {@code author_name} defaults to
 *       the handle.
 *   <li>{@code likes}, {@code reposts}, {@code replies}, {@code quotes}, {@code impressions}:
 *       non-negative integers, default 0.
 *   <li>{@code ref_type}: {@code retweeted}, {@code quoted} or {@code replied_to}, with
 *       {@code ref_id} (and optionally {@code ref_author}); all null when the post stands alone.
 *   <li>{@code links}, {@code media}: arrays of strings. Unknown fields are ignored.
 * </ul>
 *
 * A line that breaks any of this makes the whole file refused, naming the line.
 */
public final class JsonlParser implements PostParser {
    private final ObjectMapper json = Jackson.json();

    @Override
    public Parsed parse(byte[] content) {
        String text = StrictDecoder.utf8(content, "The JSON lines file");
        List<Post> posts = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                posts.add(line(lines[i], i + 1));
            }
        }
        if (posts.isEmpty()) {
            throw new BadInputException("The JSON lines file holds no posts.");
        }
        return new Parsed(posts, 0);
    }

    private Post line(String line, int number) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadInputException("Line " + number + " is not valid JSON: " + e.getOriginalMessage() + ".", e);
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException("Line " + number + " is not a JSON object.");
        }
        try {
            return JsonlPost.from(node);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("Line " + number + ": " + e.getMessage(), e);
        }
    }
}
