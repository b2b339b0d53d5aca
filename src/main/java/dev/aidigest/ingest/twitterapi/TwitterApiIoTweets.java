package dev.aidigest.ingest.twitterapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.StrictDecoder;
import dev.aidigest.json.Jackson;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of twitterapi.io tweets ({@code tweets[]}, {@code has_next_page}, {@code next_cursor}) →
 * posts. Its tweets carry their author ({@code author.userName}, {@code author.name}) and
 * {@code createdAt} in X's old form ({@code Tue Dec 10 07:00:30 +0000 2024}).
 */
final class TwitterApiIoTweets {

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);
    private final ObjectMapper json = Jackson.json();
    private final Map<String, String> displayNames;

    /** One page: its posts, every tweet id in it (what is billed) and the cursor of the next. */
    record Page(List<Post> posts, List<String> tweetIds, String nextCursor) {}

    TwitterApiIoTweets(Map<String, String> displayNames) {
        this.displayNames = Map.copyOf(displayNames);
    }

    Page page(byte[] body, String listKey) {
        JsonNode root;
        try {
            root = json.readTree(StrictDecoder.utf8(body, "The twitterapi.io answer"));
        } catch (JsonProcessingException e) {
            throw new BadInputException("The twitterapi.io answer is not valid JSON.", e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException("The twitterapi.io answer is not a JSON object.");
        }
        if ("error".equals(root.path("status").asText(null))) {
            throw new BadInputException(
                    "twitterapi.io answered an error: " + root.path("msg").asText("") + ".");
        }
        JsonNode tweets = root.path(listKey);
        if (!tweets.isArray()) {
            throw new BadInputException("The twitterapi.io answer has no " + listKey + " array.");
        }
        List<Post> posts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode t : tweets) {
            String id = t.path("id").asText(null);
            if (id == null || !id.matches("\\d{1,25}")) {
                throw new BadInputException("A twitterapi.io tweet has no numeric id.");
            }
            ids.add(id);
            Post p = post(t, id);
            if (p != null) {
                posts.add(p);
            }
        }
        boolean more = root.path("has_next_page").asBoolean(false);
        String cursor = root.path("next_cursor").asText("");
        return new Page(posts, ids, more && !cursor.isBlank() ? cursor : null);
    }

    private Post post(JsonNode t, String id) {
        String handle = t.path("author").path("userName").asText(null);
        String text = t.path("text").asText(null);
        Instant created = created(t.path("createdAt").asText(null));
        if (handle == null || text == null || created == null) {
            return null;
        }
        String name = displayNames.getOrDefault(
                handle.toLowerCase(Locale.ROOT), t.path("author").path("name").asText(handle));
        return new Post(
                "x",
                id,
                handle,
                name,
                text,
                created,
                "https://x.com/" + handle + "/status/" + id,
                t.path("lang").asText(null),
                new Post.Metrics(
                        t.path("likeCount").asInt(),
                        t.path("retweetCount").asInt(),
                        t.path("replyCount").asInt(),
                        t.path("quoteCount").asInt(),
                        t.path("viewCount").asLong()),
                reference(t),
                List.of(),
                List.of(),
                t.path("conversationId").asText(null));
    }

    private static Post.Reference reference(JsonNode t) {
        JsonNode rt = t.path("retweeted_tweet");
        if (rt.isObject()) {
            return new Post.Reference(
                    "retweeted",
                    rt.path("id").asText(null),
                    rt.path("author").path("userName").asText(null));
        }
        JsonNode qt = t.path("quoted_tweet");
        if (qt.isObject()) {
            return new Post.Reference(
                    "quoted",
                    qt.path("id").asText(null),
                    qt.path("author").path("userName").asText(null));
        }
        if (t.path("isReply").asBoolean(false) && t.hasNonNull("inReplyToId")) {
            return new Post.Reference(
                    "replied_to",
                    t.path("inReplyToId").asText(),
                    t.path("inReplyToUsername").asText(null));
        }
        return null;
    }

    private static Instant created(String s) {
        if (s == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(s, CREATED).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
