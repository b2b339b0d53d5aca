package dev.aidigest.channel.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.channel.ChannelException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Discord's token-authenticated webhook endpoints over plain HTTP: interaction follow-ups (edit the
 * deferred original answer, add messages) and channel webhooks for push-only channels. Neither
 * needs the bot token. Errors are mapped once by {@link #map}.
 */
final class DiscordWebhooks {

    private static final MediaType JSON = MediaType.get("application/json");
    /** Missing access, missing permissions, unknown channel, cannot DM the user, unknown webhook. */
    static final Set<Integer> FORBIDDEN = Set.of(50001, 50013, 10003, 50007, 10015);

    private final OkHttpClient http;
    private final String apiUrl;
    private final DiscordJson json;

    /** @param apiUrl REST base, {@code https://discord.com/api/v10/} */
    DiscordWebhooks(OkHttpClient http, String apiUrl, DiscordJson json) {
        this.http = http;
        String u = apiUrl == null || apiUrl.isBlank() ? "https://discord.com/api/v10/" : apiUrl.trim();
        this.apiUrl = u.endsWith("/") ? u : u + "/";
        this.json = json;
    }

    /** Replaces the "thinking…" of a deferred interaction answer. */
    void editOriginal(String applicationId, String token, ObjectNode message) throws ChannelException {
        call(new Request.Builder()
                .url(apiUrl + "webhooks/" + applicationId + "/" + token + "/messages/@original")
                .patch(body(message))
                .build());
    }

    /** Adds a message to an interaction answer (the second and later parts). */
    String followup(String applicationId, String token, ObjectNode message) throws ChannelException {
        return call(new Request.Builder()
                        .url(apiUrl + "webhooks/" + applicationId + "/" + token + "?wait=true")
                        .post(body(message))
                        .build())
                .path("id")
                .asText("");
    }

    /** Posts to a channel webhook URL ({@code https://discord.com/api/webhooks/<id>/<token>}); returns the message id. */
    String execute(String webhookUrl, ObjectNode message) throws ChannelException {
        String url = webhookUrl + (webhookUrl.contains("?") ? "&" : "?") + "wait=true";
        return call(new Request.Builder().url(url).post(body(message)).build())
                .path("id")
                .asText("");
    }

    private RequestBody body(ObjectNode message) {
        return RequestBody.create(message.toString(), JSON);
    }

    private JsonNode call(Request request) throws ChannelException {
        try (Response r = http.newCall(request).execute()) {
            String text = r.body().string();
            JsonNode body;
            try {
                body = text.isBlank()
                        ? json.mapper().createObjectNode()
                        : json.mapper().readTree(text);
            } catch (IOException e) {
                body = json.mapper()
                        .createObjectNode()
                        .put("message", text.length() > 200 ? text.substring(0, 200) : text);
            }
            if (r.isSuccessful()) {
                return body;
            }
            throw map(r.code(), body, r.header("Retry-After"));
        } catch (IOException e) {
            throw new ChannelException("Discord unreachable: " + e.getMessage(), e);
        }
    }

    /** What a Discord error answer means for us (status, JSON {@code code}, {@code retry_after}). */
    static ChannelException map(int status, JsonNode body, String retryAfterHeader) {
        int code = body.path("code").asInt(0);
        String text = "Discord error " + code + " (HTTP " + status + "): "
                + body.path("message").asText("");
        if (status == 429) {
            double seconds = body.path("retry_after").asDouble(-1);
            if (seconds < 0 && retryAfterHeader != null) {
                try {
                    seconds = Double.parseDouble(retryAfterHeader.trim());
                } catch (NumberFormatException e) {
                    seconds = 5;
                }
            }
            return new ChannelException.RateLimited(
                    Duration.ofMillis((long) Math.ceil(Math.max(seconds, 1) * 1000)), text);
        }
        if (status == 403 || status == 404 || FORBIDDEN.contains(code)) {
            return new ChannelException.Forbidden(text);
        }
        if (code == 50035 || status == 413) {
            return new ChannelException.BadFormat(text);
        }
        return new ChannelException(text);
    }
}
