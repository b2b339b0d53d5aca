package dev.aidigest.channel.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.ReplayWindow;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.Webhook;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /webhooks/discord, Discord's HTTP interactions endpoint. Every request must carry a valid
 * Ed25519 signature (401 otherwise, which Discord itself tests with forged requests) and a
 * {@code X-Signature-Timestamp} within the {@link ReplayWindow}; each interaction id is handled
 * once, so a captured request replayed within the window is refused too (409). PING is
 * answered with PONG; a slash command or button goes to the {@link Conversation}. An answer ready
 * within {@code budget} is sent inline as embeds; a slower one is deferred (type 5, "thinking…")
 * and delivered by editing the original answer, since Discord drops interactions unanswered in 3 s.
 * Further parts follow as follow-up messages once the first answer is surely in.
 */
final class DiscordInteractions implements Webhook {

    private static final Logger log = LoggerFactory.getLogger(DiscordInteractions.class);
    static final String SIGNATURE = "x-signature-ed25519";
    static final String TIMESTAMP = "x-signature-timestamp";
    static final long ADMINISTRATOR = 1L << 3;
    static final long MANAGE_CHANNELS = 1L << 4;

    private static final Response BAD_SIGNATURE =
            new Response(401, "application/json", "{\"error\":\"invalid request signature\"}");
    private static final Response STALE =
            new Response(401, "application/json", "{\"error\":\"request timestamp outside the replay window\"}");

    private final DiscordSignature signature;
    private final ReplayWindow window;
    private final ChatEvents seen;
    private final DiscordJson json;
    private final Conversation conversation;
    private final DiscordWebhooks rest;
    private final ScheduledExecutorService pool;
    private final Duration budget;

    DiscordInteractions(
            DiscordSignature signature,
            ReplayWindow window,
            ChatEvents seen,
            DiscordJson json,
            Conversation conversation,
            DiscordWebhooks rest,
            ScheduledExecutorService pool,
            Duration budget) {
        this.signature = signature;
        this.window = window;
        this.seen = seen;
        this.json = json;
        this.conversation = conversation;
        this.rest = rest;
        this.pool = pool;
        this.budget = budget;
    }

    @Override
    public String path() {
        return "/webhooks/discord";
    }

    /**
     * The signature and its timestamp are headers: a request without a well-formed signature, or
     * dated outside the replay window, is refused before its body is read.
     */
    @Override
    public Admission admit(Map<String, String> headers) {
        if (!DiscordSignature.wellFormed(headers.get(SIGNATURE))) {
            return Admission.refuse(BAD_SIGNATURE);
        }
        if (!fresh(headers)) {
            return Admission.refuse(STALE);
        }
        return Admission.body(MAX_BODY_BYTES);
    }

    @Override
    public Response handle(Map<String, String> headers, String body) {
        if (!signature.verify(headers.get(SIGNATURE), headers.get(TIMESTAMP), body)) {
            return BAD_SIGNATURE;
        }
        if (!fresh(headers)) {
            return STALE;
        }
        JsonNode i;
        try {
            i = json.mapper().readTree(body);
        } catch (IOException e) {
            return new Response(400, "application/json", "{\"error\":\"not JSON\"}");
        }
        if (i == null || !i.isObject()) {
            return new Response(400, "application/json", "{\"error\":\"not an interaction\"}");
        }
        String id = i.path("id").asText("");
        if (id.isEmpty()) {
            return new Response(400, "application/json", "{\"error\":\"interaction without id\"}");
        }
        if (!seen.firstTime("discord", key(id))) {
            log.info("Discord interaction {} seen before: refused as a replay", id);
            return new Response(409, "application/json", "{\"error\":\"interaction already handled\"}");
        }
        int type = i.path("type").asInt();
        if (type == 1) {
            return answer(json.response(1, null));
        }
        ChatRef chat = chat(i);
        String user = user(i).path("id").asText("");
        BooleanSupplier admin = () -> canManageChannels(i);
        String locale = i.path("locale").asText("zh-CN");
        Callable<Optional<Reply>> work;
        if (type == 2) {
            String line = DiscordCommands.line(i.path("data").path("name").asText(), optionValue(i.path("data")));
            work = () -> conversation.onText(chat, user, line, admin, locale);
        } else if (type == 3) {
            String action = i.path("data").path("custom_id").asText();
            work = () -> conversation.onAction(chat, user, action, admin, locale);
        } else {
            return new Response(400, "application/json", "{\"error\":\"unsupported interaction type\"}");
        }
        Future<Optional<Reply>> future = pool.submit(work);
        try {
            return inline(i, future.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            pool.execute(() -> finishLater(i, future));
            return answer(json.response(5, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(503, "application/json", "{\"error\":\"shutting down\"}");
        } catch (ExecutionException e) {
            log.warn("Discord interaction {} failed", i.path("id").asText(), e.getCause());
            return answer(json.response(4, ephemeral("抱歉，出错了，请稍后再试。")));
        }
    }

    private boolean fresh(Map<String, String> headers) {
        Instant at = ReplayWindow.epochSeconds(headers.get(TIMESTAMP));
        return at != null && window.holds(at);
    }

    /** Interaction ids are snowflakes (64-bit numbers); anything else is keyed by 64 bits of its SHA-256. */
    static long key(String id) {
        try {
            return Long.parseUnsignedLong(id);
        } catch (NumberFormatException e) {
            try {
                return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)))
                        .getLong();
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private Response inline(JsonNode i, Optional<Reply> reply) {
        if (reply.isEmpty()) {
            return answer(json.response(4, ephemeral("好的。")));
        }
        List<Reply> parts = DiscordEmbeds.split(reply.get());
        if (parts.size() > 1) {
            // followups logs its own failures
            var unused = pool.schedule(() -> followups(i, parts.subList(1, parts.size())), 1, TimeUnit.SECONDS);
        }
        return answer(json.response(4, json.message(DiscordEmbeds.message(parts.get(0)))));
    }

    private void finishLater(JsonNode i, Future<Optional<Reply>> future) {
        try {
            Optional<Reply> reply = future.get();
            Thread.sleep(500); // our "deferred" answer must reach Discord before we edit it
            List<Reply> parts = DiscordEmbeds.split(reply.orElse(Reply.text("好的。")));
            rest.editOriginal(appId(i), i.path("token").asText(), json.message(DiscordEmbeds.message(parts.get(0))));
            followups(i, parts.subList(1, parts.size()));
        } catch (ChannelException | ExecutionException e) {
            log.info("could not finish Discord interaction {}: {}", i.path("id").asText(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void followups(JsonNode i, List<Reply> parts) {
        try {
            for (Reply p : parts) {
                rest.followup(appId(i), i.path("token").asText(), json.message(DiscordEmbeds.message(p)));
            }
        } catch (ChannelException | RuntimeException e) {
            log.info("Discord follow-up for {} failed: {}", i.path("id").asText(), e.getMessage());
        }
    }

    private ObjectNode ephemeral(String text) {
        return json.mapper().createObjectNode().put("content", text).put("flags", 64);
    }

    private static Response answer(ObjectNode body) {
        return new Response(200, "application/json", body.toString());
    }

    /** A guild channel is a group; a DM belongs to its user, whose id is the chat (pushes open the DM by user). */
    static ChatRef chat(JsonNode i) {
        if (i.hasNonNull("guild_id")) {
            return new ChatRef("discord", i.path("channel_id").asText(), ChatRef.Kind.GROUP);
        }
        return new ChatRef("discord", user(i).path("id").asText(), ChatRef.Kind.PRIVATE);
    }

    private static JsonNode user(JsonNode i) {
        return i.has("member") ? i.path("member").path("user") : i.path("user");
    }

    /** {@code member.permissions} is the member's permissions in this channel, overwrites included. */
    static boolean canManageChannels(JsonNode i) {
        try {
            long p = Long.parseLong(i.path("member").path("permissions").asText("0"));
            return (p & (MANAGE_CHANNELS | ADMINISTRATOR)) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String optionValue(JsonNode data) {
        for (JsonNode o : data.path("options")) {
            if (o.has("value")) {
                return o.get("value").asText();
            }
        }
        return null;
    }

    private static String appId(JsonNode i) {
        return i.path("application_id").asText();
    }
}
