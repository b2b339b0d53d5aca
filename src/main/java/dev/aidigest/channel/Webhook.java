package dev.aidigest.channel;

import java.util.Map;

/** An HTTP endpoint of a channel adapter (Telegram, Lark, Discord interactions), mounted by {@code web}. */
public interface Webhook {

    /** Bodies no platform sends to a webhook: larger ones are refused with 413. */
    long MAX_BODY_BYTES = 1 << 20;

    /** The path, e.g. {@code /webhooks/telegram}. */
    String path();

    /**
     * Decides from the headers alone, before any of the body is read, whether the request may send
     * its body and how large it may be. A request that carries no credential the headers can show
     * is refused here, so a client without the secret never holds the server while it sends. Header
     * names are lower case.
     */
    default Admission admit(Map<String, String> headers) {
        return Admission.body(MAX_BODY_BYTES);
    }

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

        public static Response error(int status, String why) {
            return new Response(status, "application/json", "{\"error\":\"" + why.replace("\"", "'") + "\"}");
        }
    }

    /**
     * The headers' verdict: {@code refusal} answered at once (the body is never read), or the body
     * admitted up to {@code maxBodyBytes}.
     */
    record Admission(Response refusal, long maxBodyBytes) {
        public static Admission body(long maxBodyBytes) {
            return new Admission(null, maxBodyBytes);
        }

        public static Admission refuse(Response refusal) {
            return new Admission(refusal, 0);
        }

        public boolean refused() {
            return refusal != null;
        }
    }
}
