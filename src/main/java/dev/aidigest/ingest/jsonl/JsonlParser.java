package dev.aidigest.ingest.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostCheck;
import dev.aidigest.ingest.PostParser;
import dev.aidigest.ingest.StrictDecoder;
import dev.aidigest.json.Jackson;
import java.time.Clock;
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
 * Every post also meets {@link PostCheck} (a numeric X id, a valid handle, a time neither in the
 * future nor before 2006; long names and text clipped). Each line is an entry of its own: a line that
 * is not JSON, not an object or breaks any of this is skipped, named by its number with the reason,
 * and the other lines are read. A file that is not UTF-8, or none of whose lines is a post, is no JSON
 * lines file of posts and is refused whole.
 */
public final class JsonlParser implements PostParser {
    /** Two objects on one line (a lost line break) are a bad line, not the first object alone. */
    private final ObjectReader json =
            Jackson.json().readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final PostCheck check;

    public JsonlParser() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is for refusing posts dated in the future */
    public JsonlParser(Clock clock) {
        this.check = new PostCheck(clock);
    }

    /**
     * The posts of the good lines and the bad lines skipped, in file order.
     *
     * @throws BadInputException when the content is not UTF-8, or no line of it is a post
     */
    @Override
    public Parsed parse(byte[] content) {
        String text = StrictDecoder.utf8(content, "The JSON lines file");
        List<Post> posts = new ArrayList<>();
        List<Parsed.Skipped> skipped = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                posts.add(line(lines[i]));
            } catch (PostCheck.BadEntryException e) {
                skipped.add(new Parsed.Skipped("Line " + (i + 1), e.getMessage()));
            }
        }
        if (posts.isEmpty() && skipped.isEmpty()) {
            throw new BadInputException("The JSON lines file holds no posts.");
        }
        return new Parsed(posts, 0, skipped).importable("JSON lines file", "lines");
    }

    /** @throws PostCheck.BadEntryException when the line is no post, with the reason */
    private Post line(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new PostCheck.BadEntryException("not valid JSON: " + e.getOriginalMessage() + ".");
        }
        if (node == null || !node.isObject()) {
            throw new PostCheck.BadEntryException("not a JSON object.");
        }
        try {
            return check.check(JsonlPost.from(node));
        } catch (IllegalArgumentException e) {
            throw new PostCheck.BadEntryException(e.getMessage());
        }
    }
}
