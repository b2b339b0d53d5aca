package dev.aidigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.json.Jackson;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback Discord gateway (v10, JSON, no compression) on a Javalin websocket: HELLO on connect,
 * READY and one GUILD_CREATE after IDENTIFY, heartbeat ACKs, and dispatches the test scripts
 * (INTERACTION_CREATE, GUILD_DELETE). The guild has an {@code @everyone} role that may view, send
 * and embed, an admin role with Manage Channels, a channel everyone may write in and one where the
 * bot's sending is denied by an overwrite.
 */
public final class FakeDiscordGateway implements AutoCloseable {

    public static final String GUILD = "290926798626357999";
    public static final String CHANNEL = "645027906669510667";
    public static final String READ_ONLY_CHANNEL = "645027906669510668";
    public static final String ADMIN_ROLE = "539082325061836999";
    public static final String OWNER = "1000000000000000009";
    /** VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY. */
    static final long EVERYONE = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 16);

    static final long MANAGE_CHANNELS = 1L << 4;

    private final ObjectMapper json = Jackson.json();
    private final Javalin app;
    private volatile WsContext session;
    private final AtomicInteger seq = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(1300000000000000000L);
    public final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());

    public FakeDiscordGateway() {
        app = Javalin.create(cfg -> cfg.routes.ws("/", ws -> {
                    ws.onConnect(ctx -> {
                        session = ctx;
                        ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(5));
                        send(json.createObjectNode()
                                .put("op", 10)
                                .putNull("s")
                                .putNull("t")
                                .set("d", json.createObjectNode().put("heartbeat_interval", 41250)));
                    });
                    ws.onMessage(ctx -> onMessage(ctx.message()));
                }))
                .start("127.0.0.1", 0);
    }

    public String url() {
        return "ws://127.0.0.1:" + app.port();
    }

    public boolean identified() {
        return received.stream().anyMatch(m -> m.path("op").asInt() == 2);
    }

    private void onMessage(String text) throws Exception {
        JsonNode m = json.readTree(text);
        received.add(m);
        switch (m.path("op").asInt()) {
            case 1 -> send(json.createObjectNode().put("op", 11));
            case 2 -> {
                dispatch("READY", ready());
                dispatch("GUILD_CREATE", guild());
            }
            default -> {}
        }
    }

    /** Sends a dispatch (op 0) with the next sequence number. */
    public synchronized void dispatch(String type, JsonNode d) {
        ObjectNode p = json.createObjectNode()
                .put("op", 0)
                .put("s", seq.incrementAndGet())
                .put("t", type);
        p.set("d", d);
        send(p);
    }

    private void send(JsonNode payload) {
        WsContext s = session;
        if (s == null) {
            throw new IllegalStateException("no gateway connection");
        }
        s.send(payload.toString());
    }

    /** A slash command as Discord dispatches it; returns the interaction id. */
    public String slashCommand(
            String token, String channelId, String userId, String name, String value, boolean admin) {
        // JDA lets an interaction be answered only within 15 minutes of the time in its snowflake id
        String id =
                String.valueOf(((System.currentTimeMillis() - 1420070400000L) << 22) + ids.incrementAndGet() % 4096);
        ObjectNode i = json.createObjectNode()
                .put("id", id)
                .put("application_id", FakeDiscordApi.APP_ID)
                .put("type", 2)
                .put("token", token)
                .put("version", 1)
                .put("guild_id", GUILD)
                .put("channel_id", channelId)
                .put("locale", "zh-CN")
                .put("guild_locale", "zh-CN")
                .put("app_permissions", String.valueOf(EVERYONE))
                .put("context", 0);
        ObjectNode data = i.putObject("data")
                .put("id", "771825006014889984")
                .put("name", name)
                .put("type", 1);
        if (value != null) {
            data.putArray("options")
                    .addObject()
                    .put("type", 3)
                    .put("name", "text")
                    .put("value", value);
        }
        i.set("channel", channel(channelId, channelId.equals(READ_ONLY_CHANNEL) ? "announcements" : "ai-news"));
        ObjectNode member = i.putObject("member");
        member.set("user", user(userId, "Mason"));
        ArrayNode roles = member.putArray("roles");
        if (admin) {
            roles.add(ADMIN_ROLE);
        }
        member.put("permissions", String.valueOf(EVERYONE | (admin ? MANAGE_CHANNELS : 0)))
                .put("joined_at", "2017-03-13T19:19:14.040000+00:00")
                .put("deaf", false)
                .put("mute", false)
                .put("pending", false)
                .put("flags", 0)
                .putNull("nick")
                .putNull("avatar");
        i.putObject("guild").put("id", GUILD).put("locale", "zh-CN").putArray("features");
        i.putArray("entitlements");
        i.putObject("authorizing_integration_owners").put("0", GUILD);
        dispatch("INTERACTION_CREATE", i);
        return id;
    }

    /** The guild went unavailable (a Discord outage), which is not the bot leaving it. */
    public void guildUnavailable() {
        dispatch("GUILD_DELETE", json.createObjectNode().put("id", GUILD).put("unavailable", true));
    }

    /** The bot was removed from the guild. */
    public void guildDeleted() {
        dispatch("GUILD_DELETE", json.createObjectNode().put("id", GUILD));
    }

    private ObjectNode ready() {
        ObjectNode d = json.createObjectNode()
                .put("v", 10)
                .put("session_id", "fake-session")
                .put("resume_gateway_url", url());
        d.set(
                "user",
                json.createObjectNode()
                        .put("id", FakeDiscordApi.BOT_ID)
                        .put("username", "AI Digest")
                        .put("discriminator", "0")
                        .put("global_name", "AI Digest")
                        .putNull("avatar")
                        .put("bot", true)
                        .put("verified", true)
                        .put("flags", 0)
                        .put("mfa_enabled", false));
        d.putArray("guilds").addObject().put("id", GUILD).put("unavailable", true);
        d.putArray("private_channels");
        d.putObject("application").put("id", FakeDiscordApi.APP_ID).put("flags", 0);
        d.putArray("shard").add(0).add(1);
        return d;
    }

    private ObjectNode guild() {
        ObjectNode g = json.createObjectNode()
                .put("id", GUILD)
                .put("name", "AI 读书会")
                .put("owner_id", OWNER)
                .putNull("icon")
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("preferred_locale", "zh-CN")
                .put("system_channel_flags", 0)
                .put("member_count", 3)
                .put("large", false)
                .put("unavailable", false)
                .put("joined_at", "2025-11-01T00:00:00.000000+00:00")
                .putNull("afk_channel_id")
                .putNull("system_channel_id")
                .putNull("rules_channel_id")
                .putNull("description")
                .putNull("banner")
                .putNull("vanity_url_code")
                .put("premium_subscription_count", 0)
                .put("max_members", 500000);
        ArrayNode roles = g.putArray("roles");
        roles.add(role(GUILD, "@everyone", EVERYONE, 0));
        roles.add(role(ADMIN_ROLE, "频道管理", MANAGE_CHANNELS, 1));
        ArrayNode channels = g.putArray("channels");
        channels.add(channel(CHANNEL, "ai-news"));
        ObjectNode ro = channel(READ_ONLY_CHANNEL, "announcements");
        ro.putArray("permission_overwrites")
                .addObject()
                .put("id", GUILD)
                .put("type", 0)
                .put("allow", "0")
                .put("deny", String.valueOf(1L << 11));
        channels.add(ro);
        ObjectNode self = g.putArray("members").addObject();
        self.set(
                "user",
                json.createObjectNode()
                        .put("id", FakeDiscordApi.BOT_ID)
                        .put("username", "AI Digest")
                        .put("discriminator", "0")
                        .put("global_name", "AI Digest")
                        .putNull("avatar")
                        .put("bot", true));
        self.putArray("roles");
        self.put("joined_at", "2025-11-01T00:00:00.000000+00:00")
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false);
        for (String empty : List.of(
                "emojis",
                "stickers",
                "features",
                "voice_states",
                "presences",
                "threads",
                "stage_instances",
                "guild_scheduled_events",
                "soundboard_sounds")) {
            g.putArray(empty);
        }
        return g;
    }

    private ObjectNode role(String id, String name, long permissions, int position) {
        ObjectNode r = json.createObjectNode()
                .put("id", id)
                .put("name", name)
                .put("permissions", String.valueOf(permissions))
                .put("position", position)
                .put("color", 0)
                .put("hoist", false)
                .put("managed", false)
                .put("mentionable", false)
                .put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return r;
    }

    private ObjectNode channel(String id, String name) {
        ObjectNode c = json.createObjectNode()
                .put("id", id)
                .put("type", 0)
                .put("guild_id", GUILD)
                .put("name", name)
                .put("position", 0)
                .putNull("parent_id")
                .putNull("topic")
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .putNull("last_message_id")
                .put("flags", 0);
        c.putArray("permission_overwrites");
        return c;
    }

    private ObjectNode user(String id, String name) {
        return json.createObjectNode()
                .put("id", id)
                .put("username", name)
                .put("discriminator", "0")
                .put("global_name", name)
                .putNull("avatar")
                .put("public_flags", 0);
    }

    @Override
    public void close() {
        app.stop();
    }
}
