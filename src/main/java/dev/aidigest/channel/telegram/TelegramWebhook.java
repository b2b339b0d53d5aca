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
 * wrong or missing, decided from the headers before the body is read), parses the update and hands it to the same handler as long polling.
 */
final class TelegramWebhook implements Webhook {

    static final String SECRET_HEADER = "x-telegram-bot-api-secret-token";
    private static final Response WRONG_SECRET =
            new Response(401, "application/json", "{\"ok\":false,\"error\":\"wrong secret token\"}");

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

    /** The secret travels in a header: a request without it is refused before its body is read. */
    @Override
    public Admission admit(Map<String, String> headers) {
        return secretOk(headers) ? Admission.body(MAX_BODY_BYTES) : Admission.refuse(WRONG_SECRET);
    }

    @Override
    public Response handle(Map<String, String> headers, String body) {
        if (!secretOk(headers)) {
            return WRONG_SECRET;
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

    private boolean secretOk(Map<String, String> headers) {
        String given = headers.get(SECRET_HEADER);
        return given != null && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }
}
