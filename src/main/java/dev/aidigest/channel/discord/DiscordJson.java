package dev.aidigest.channel.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.Reply;

/**
 * A {@link DiscordEmbeds.Message} as the JSON Discord's HTTP endpoints take (interaction responses,
 * follow-ups, channel webhooks). Mentions are never parsed: a digest must not ping anyone.
 */
final class DiscordJson {

    private final ObjectMapper json;

    DiscordJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectMapper mapper() {
        return json;
    }

    ObjectNode message(DiscordEmbeds.Message m) {
        ObjectNode data = json.createObjectNode();
        ArrayNode embeds = data.putArray("embeds");
        for (DiscordEmbeds.Embed e : m.embeds()) {
            ObjectNode o = embeds.addObject();
            if (e.title() != null) {
                o.put("title", e.title());
            }
            if (!e.description().isEmpty()) {
                o.put("description", e.description());
            }
            o.put("color", DiscordEmbeds.COLOR);
        }
        if (!m.buttons().isEmpty()) {
            ArrayNode row =
                    data.putArray("components").addObject().put("type", 1).putArray("components");
            for (Reply.Button b : m.buttons()) {
                row.addObject()
                        .put("type", 2)
                        .put("style", 2)
                        .put("label", b.label())
                        .put("custom_id", b.action());
            }
        }
        data.putObject("allowed_mentions").putArray("parse");
        return data;
    }

    /** An interaction response: {@code type} 4 (a message) with this data. */
    ObjectNode response(int type, ObjectNode data) {
        ObjectNode r = json.createObjectNode().put("type", type);
        if (data != null) {
            r.set("data", data);
        }
        return r;
    }
}
