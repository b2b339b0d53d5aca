package dev.aidigest.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** The {@code includes} of a response, indexed, plus what the caller already knew about users. */
final class XIncludes {
    private final Map<String, XUser> users = new HashMap<>();
    private final Map<String, JsonNode> tweets = new HashMap<>();
    private final Map<String, JsonNode> media = new HashMap<>();

    XIncludes(JsonNode includes, Attribution attribution) {
        attribution.handleByUserId().forEach((id, handle) -> users.put(id, new XUser(id, handle, null)));
        for (JsonNode u : includes.path("users")) {
            String id = Json.str(u, "id");
            String username = Json.str(u, "username");
            if (id != null && username != null) {
                users.put(id, new XUser(id, username, Json.str(u, "name")));
            }
        }
        for (JsonNode t : includes.path("tweets")) {
            String id = Json.str(t, "id");
            if (id != null) {
                tweets.put(id, t);
            }
        }
        for (JsonNode m : includes.path("media")) {
            String key = Json.str(m, "media_key");
            if (key != null) {
                media.put(key, m);
            }
        }
    }

    XUser user(String id) {
        return id == null ? null : users.get(id);
    }

    JsonNode tweet(String id) {
        return id == null ? null : tweets.get(id);
    }

    JsonNode media(String key) {
        return media.get(key);
    }
}
