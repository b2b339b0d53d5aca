package dev.aidigest.channel.lark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.channel.ChatEvents;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where a verified Lark event enters, whichever way it came (HTTP callback or long connection):
 * each {@code event_id} is handled once (Lark redelivers what it did not see acknowledged in time,
 * and a switch between the two ways must not answer twice), off the receiving thread so the
 * acknowledgement goes back at once.
 */
final class LarkIntake {

    private final ChatEvents chatEvents;
    private final Executor executor;
    private final Consumer<JsonNode> handler;

    LarkIntake(ChatEvents chatEvents, Executor executor, Consumer<JsonNode> handler) {
        this.chatEvents = chatEvents;
        this.executor = executor;
        this.handler = handler;
    }

    /** Takes one decrypted, verified schema 2.0 envelope; false when it had been taken before. */
    boolean accept(JsonNode event) {
        String eventId =
                event.path("header").path("event_id").asText(event.path("uuid").asText(""));
        if (!eventId.isEmpty() && !chatEvents.firstTime("lark", LarkWebhook.key(eventId))) {
            return false;
        }
        executor.execute(() -> handler.accept(event));
        return true;
    }
}
