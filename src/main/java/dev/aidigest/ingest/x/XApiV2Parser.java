package dev.aidigest.ingest.x;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import dev.aidigest.ingest.PostCheck;
import dev.aidigest.ingest.PostParser;
import dev.aidigest.ingest.StrictDecoder;
import dev.aidigest.json.Jackson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads X API v2 responses exactly as the API returns them: {@code data} as an array or a single
 * object, {@code includes.users/tweets/media}, partial {@code errors[]} (logged and ignored) and
 * {@code meta}. Display names configured in sources.yml win over the API's, because the digest
 * prints names as configured.
 */
public final class XApiV2Parser implements PostParser {
    private static final Logger log = LoggerFactory.getLogger(XApiV2Parser.class);

    private final ObjectMapper json = Jackson.json();
    private final Map<String, String> displayNames;
    private final PostCheck check;

    /** @param displayNames handle (lower case) → display name as configured */
    public XApiV2Parser(Map<String, String> displayNames) {
        this(displayNames, Clock.systemUTC());
    }

    /** @param clock what "now" is for refusing posts dated in the future */
    public XApiV2Parser(Map<String, String> displayNames, Clock clock) {
        this.displayNames = Map.copyOf(displayNames);
        this.check = new PostCheck(clock);
    }

    /**
     * A file to import: only what the file itself says attributes its tweets.
     *
     * @throws BadInputException also when it holds posts and not one of them can be read
     */
    @Override
    public Parsed parse(byte[] content) {
        return page(content, Attribution.NONE).parsed().importable("X API v2 file", "entries");
    }

    /**
     * One response of a tweets endpoint.
     *
     * @throws BadInputException when it is not JSON, not UTF-8 or not a tweets response
     */
    public XPage page(byte[] content, Attribution attribution) {
        JsonNode root = root(content);
        JsonNode data = data(root);
        List<JsonNode> tweets = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(tweets::add);
        } else if (data.isObject()) {
            tweets.add(data);
        }
        if (!tweets.isEmpty() && isUser(tweets.get(0))) {
            throw new BadInputException("The X API v2 file holds users, not posts.");
        }
        TweetMapper mapper =
                new TweetMapper(displayNames, new XIncludes(root.path("includes"), attribution), attribution);
        List<Post> posts = new ArrayList<>(tweets.size());
        List<Parsed.Skipped> skipped = new ArrayList<>();
        String newest = xId(Json.str(root.path("meta"), "newest_id"));
        int unattributed = 0;
        for (int i = 0; i < tweets.size(); i++) {
            String id = Json.str(tweets.get(i), "id");
            Post post;
            try {
                post = mapper.map(tweets.get(i));
                post = post == null ? null : check.check(post);
            } catch (PostCheck.BadEntryException e) {
                skipped.add(new Parsed.Skipped(
                        id == null ? "X API v2 post #" + (i + 1) : "X API v2 post " + PostCheck.shown(id),
                        e.getMessage()));
                continue;
            }
            // only a real X id may become the cursor: a hostile one would make every later fetch fail
            newest = XPage.newer(newest, xId(id));
            if (post == null) {
                unattributed++;
            } else {
                posts.add(post);
            }
        }
        if (unattributed > 0) {
            log.warn(
                    "{} of {} X posts left out: no author (no includes.users and no known user id) or no time",
                    unattributed,
                    tweets.size());
        }
        List<String> postIds = new ArrayList<>();
        tweets.forEach(t -> addId(postIds, t));
        root.path("includes").path("tweets").forEach(t -> addId(postIds, t));
        List<String> userIds = new ArrayList<>();
        root.path("includes").path("users").forEach(u -> addId(userIds, u));
        return new XPage(
                new Parsed(posts, unattributed, skipped),
                newest,
                Json.str(root.path("meta"), "next_token"),
                postIds,
                userIds);
    }

    private static String xId(String id) {
        return PostCheck.isXId(id) ? id : null;
    }

    /**
     * A users response ({@code /2/users/by}, {@code /2/users/by/username/:username}).
     *
     * @return handle (lower case) → user; users the API could not find are logged and absent
     */
    public Map<String, XUser> users(byte[] content) {
        JsonNode data = data(root(content));
        Map<String, XUser> users = new LinkedHashMap<>();
        for (JsonNode u : data.isArray() ? data : List.of(data)) {
            String id = Json.str(u, "id");
            String username = Json.str(u, "username");
            if (id == null || username == null) {
                throw new BadInputException("The X API users response has a user without id or username.");
            }
            if (!PostCheck.isXId(id) || !username.matches("[A-Za-z0-9_]{1,15}")) {
                log.warn(
                        "X API user left out: id '{}' or username '{}' is not valid",
                        PostCheck.shown(id),
                        PostCheck.shown(username));
                continue;
            }
            users.put(username.toLowerCase(Locale.ROOT), new XUser(id, username, Json.str(u, "name")));
        }
        return users;
    }

    private JsonNode root(byte[] content) {
        String text = StrictDecoder.utf8(content, "The X API v2 file");
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadInputException("The X API v2 file is not valid JSON" + where + ".", e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException("The X API v2 file is not a JSON object with a data field.");
        }
        return root;
    }

    /** {@code data}, an empty array when the API only sent errors, or a clear refusal. */
    private JsonNode data(JsonNode root) {
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            for (JsonNode e : errors) {
                log.info("X API partial error ignored: {} {}", Json.str(e, "title"), Json.str(e, "detail"));
            }
        }
        JsonNode data = root.get("data");
        if (data != null && (data.isArray() || data.isObject())) {
            return data;
        }
        if (data == null && errors.isArray()) {
            return json.createArrayNode();
        }
        if (data == null && root.has("title")) {
            throw new BadInputException("The X API answered with an error instead of posts: " + Json.str(root, "title")
                    + " (" + Json.str(root, "detail") + ").");
        }
        if (data == null && root.path("meta").path("result_count").asInt(-1) == 0) {
            return json.createArrayNode();
        }
        throw new BadInputException("The X API v2 file has no data array or object.");
    }

    private static void addId(List<String> ids, JsonNode node) {
        String id = Json.str(node, "id");
        if (id != null) {
            ids.add(id);
        }
    }

    private static boolean isUser(JsonNode node) {
        return node.has("username") && !node.has("text");
    }
}
