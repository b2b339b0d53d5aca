package dev.aidigest.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.channel.Webhook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Consumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * POST /webhooks/telegram: checks {@code X-Telegram-Bot-Api-Secret-Token} (constant time; 401 when
 * wrong or missing), parses the update and hands it to the same handler as long polling.
 */
final class TelegramWebhook implements Webhook {

    static final String SECRET_HEADER = "x-telegram-bot-api-secret-token";

    private final byte[] secret;
    private final ObjectMapper json;
    private final Consumer<Update> handler;

    TelegramWebhook(String secret, ObjectMapper json, Consumer<Update> handler) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.handler = handler;
    }

    @Override
    public String path() {
        return "/webhooks/telegram";
    }

    @Override
    public Response handle(Map<String, String> headers, String body) {
        String given = headers.get(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return new Response(401, "application/json", "{\"ok\":false,\"error\":\"wrong secret token\"}");
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            return new Response(400, "application/json", "{\"ok\":false,\"error\":\"not a Telegram update\"}");
        }
        handler.accept(update);
        return Response.ok();
    }
}
