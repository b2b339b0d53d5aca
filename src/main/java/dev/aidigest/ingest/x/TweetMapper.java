package dev.aidigest.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostCheck;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One X API v2 tweet object → {@link Post}; null when it cannot be attributed to anyone. */
final class TweetMapper {
    private static final Pattern MEDIA_LINK =
            Pattern.compile("^https?://(?:www\\.)?(?:twitter|x)\\.com/[^/]+/status/\\d+/(?:photo|video)/\\d+$");
    private static final Pattern RETWEET_PREFIX = Pattern.compile("^RT @(\\w{1,15}):");
    private static final List<String> REFERENCE_PRIORITY = List.of("retweeted", "replied_to", "quoted");

    private final Map<String, String> displayNames;
    private final XIncludes includes;
    private final Attribution attribution;

    TweetMapper(Map<String, String> displayNames, XIncludes includes, Attribution attribution) {
        this.displayNames = displayNames;
        this.includes = includes;
        this.attribution = attribution;
    }

    /** @throws PostCheck.BadEntryException when the tweet has no id, no text or a bad time */
    Post map(JsonNode tweet) {
        String id = Json.str(tweet, "id");
        if (!tweet.isObject() || id == null) {
            throw new PostCheck.BadEntryException("it has no id.");
        }
        if (!PostCheck.isXId(id)) {
            throw new PostCheck.BadEntryException("its id is not a number of at most 19 digits.");
        }
        if (Json.str(tweet, "text") == null && Json.str(tweet.path("note_tweet"), "text") == null) {
            throw new PostCheck.BadEntryException("it has no text.");
        }
        XUser author = includes.user(Json.str(tweet, "author_id"));
        String handle = author != null ? author.username() : attribution.timelineHandle();
        Instant createdAt = createdAt(tweet, id);
        if (handle == null || createdAt == null) {
            return null;
        }
        String name = displayNames.get(handle.toLowerCase(Locale.ROOT));
        if (name == null && author != null) {
            name = author.name();
        }
        Post.Reference reference = reference(tweet);
        Body body = body(tweet, reference);
        return new Post(
                "x",
                id,
                handle,
                name,
                body.text,
                createdAt,
                "https://x.com/" + handle + "/status/" + id,
                Json.str(tweet, "lang"),
                metrics(tweet.path("public_metrics")),
                reference,
                body.links,
                media(tweet),
                Json.str(tweet, "conversation_id"));
    }

    private record Body(String text, List<String> links) {}

    /**
     * A retweet's own text is cut at 140 characters; the original in includes is whole (when it has
     * a text at all: an original without one leaves the retweet its own).
     */
    private Body body(JsonNode tweet, Post.Reference reference) {
        if (reference != null && reference.isRetweet() && reference.authorHandle() != null) {
            JsonNode original = includes.tweet(reference.platformId());
            if (original != null
                    && (Json.str(original, "text") != null || Json.str(original.path("note_tweet"), "text") != null)) {
                Body inner = ownBody(original);
                return new Body("RT @" + reference.authorHandle() + ": " + inner.text, inner.links);
            }
        }
        return ownBody(tweet);
    }

    private Body ownBody(JsonNode tweet) {
        JsonNode note = tweet.path("note_tweet");
        boolean longPost = Json.str(note, "text") != null;
        String text = longPost ? Json.str(note, "text") : Json.str(tweet, "text");
        JsonNode urls = (longPost ? note : tweet).path("entities").path("urls");
        Set<String> links = new LinkedHashSet<>();
        for (JsonNode u : urls) {
            String shortUrl = Json.str(u, "url");
            String expanded = Json.str(u, "expanded_url");
            if (shortUrl == null) {
                continue;
            }
            if (isMedia(u, expanded)) {
                text = text.replace(shortUrl, "");
            } else if (expanded != null) {
                text = text.replace(shortUrl, expanded);
                links.add(expanded);
            }
        }
        return new Body(unescape(text).strip(), new ArrayList<>(links));
    }

    private static boolean isMedia(JsonNode url, String expanded) {
        String display = Json.str(url, "display_url");
        return url.has("media_key")
                || (display != null && (display.startsWith("pic.twitter.com/") || display.startsWith("pic.x.com/")))
                || (expanded != null && MEDIA_LINK.matcher(expanded).matches());
    }

    /** X escapes exactly these three in tweet text; &amp; last so "&amp;lt;" stays "&lt;". */
    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private Post.Reference reference(JsonNode tweet) {
        JsonNode chosen = null;
        for (String type : REFERENCE_PRIORITY) {
            for (JsonNode r : tweet.path("referenced_tweets")) {
                if (chosen == null && type.equals(Json.str(r, "type")) && Json.str(r, "id") != null) {
                    chosen = r;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        String type = Json.str(chosen, "type");
        String refId = Json.str(chosen, "id");
        XUser refAuthor = includes.user(Json.str(includes.tweet(refId), "author_id"));
        if (refAuthor == null && "replied_to".equals(type)) {
            refAuthor = includes.user(Json.str(tweet, "in_reply_to_user_id"));
        }
        String refHandle = refAuthor != null ? refAuthor.username() : null;
        if (refHandle == null && "retweeted".equals(type)) {
            Matcher m = RETWEET_PREFIX.matcher(String.valueOf(Json.str(tweet, "text")));
            refHandle = m.find() ? m.group(1) : null;
        }
        return new Post.Reference(type, refId, refHandle);
    }

    private List<String> media(JsonNode tweet) {
        List<String> out = new ArrayList<>();
        for (JsonNode k : tweet.path("attachments").path("media_keys")) {
            String key = k.asText();
            JsonNode m = includes.media(key);
            String url = m == null ? null : Json.str(m, "url");
            if (url == null && m != null) {
                url = Json.str(m, "preview_image_url");
            }
            out.add(url != null ? url : key);
        }
        return out;
    }

    private static Post.Metrics metrics(JsonNode m) {
        if (m.isMissingNode() || !m.isObject()) {
            return Post.Metrics.NONE;
        }
        return new Post.Metrics(
                Json.count(m, "like_count"),
                Json.count(m, "retweet_count"),
                Json.count(m, "reply_count"),
                Json.count(m, "quote_count"),
                Json.count(m, "impression_count", Long.MAX_VALUE));
    }

    /** {@code created_at}, or the time inside a snowflake id (fetches with default fields lack the field). */
    private static Instant createdAt(JsonNode tweet, String id) {
        String created = Json.str(tweet, "created_at");
        if (created != null) {
            try {
                return Instant.parse(created);
            } catch (DateTimeParseException e) {
                throw new PostCheck.BadEntryException(
                        "created_at '" + PostCheck.shown(created) + "' is not an ISO-8601 time.");
            }
        }
        return Snowflake.time(id);
    }
}
