package dev.aidigest.channel;

import java.util.Map;

/** An HTTP endpoint of a channel adapter (Telegram, Lark, Discord interactions), mounted by {@code web}. */
public interface Webhook {

    /** The path, e.g. {@code /webhooks/telegram}. */
    String path();

    /**
     * Handles one POST. Header names are lower case.
     *
     * @return the HTTP status and body to answer with (401 for a wrong secret)
     */
    Response handle(Map<String, String> headers, String body);

    /** What the web server answers. */
    record Response(int status, String contentType, String body) {
        public static Response ok() {
            return new Response(200, "application/json", "{}");
        }
    }
}
