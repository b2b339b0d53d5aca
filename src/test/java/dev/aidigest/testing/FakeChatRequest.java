package dev.aidigest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat completion request as {@link FakeOpenAi} received it.
 *
 * @param authorization the Authorization header, or null
 */
public record FakeChatRequest(Instant at, String body, JsonNode json, String authorization) {

    private static final Pattern POST =
            Pattern.compile("(?s)<post n=\"(\\d+)\" author=\"([^\"]*)\">\\n(.*?)\\n</post>");

    /** One message of the request. */
    public record Message(String role, String content) {}

    /** One {@code <post>} block of a story request. */
    public record PostBlock(String author, String text) {}

    public String model() {
        return json.path("model").asText();
    }

    public List<Message> messages() {
        List<Message> out = new ArrayList<>();
        for (JsonNode m : json.path("messages")) {
            out.add(new Message(m.path("role").asText(), m.path("content").asText()));
        }
        return out;
    }

    public List<String> messageTexts() {
        return messages().stream().map(Message::content).toList();
    }

    /** The system message, or null when there is none. */
    public String system() {
        return messages().stream()
                .filter(m -> m.role().equals("system"))
                .map(Message::content)
                .findFirst()
                .orElse(null);
    }

    /** The first user message: the posts of a story, or the headlines for the categories. */
    public String firstUser() {
        return messages().stream()
                .filter(m -> m.role().equals("user"))
                .map(Message::content)
                .findFirst()
                .orElse("");
    }

    /** A story call (its first user message carries {@code <post>} blocks). */
    public boolean isStory() {
        return firstUser().contains("<post ");
    }

    /** A repair: the model's earlier answer is in the conversation. */
    public boolean isRepair() {
        return messages().stream().anyMatch(m -> m.role().equals("assistant"));
    }

    /** The posts of a story call, parsed back out of their blocks. */
    public List<PostBlock> posts() {
        List<PostBlock> out = new ArrayList<>();
        Matcher m = POST.matcher(firstUser());
        while (m.find()) {
            out.add(new PostBlock(m.group(2), m.group(3)));
        }
        return out;
    }

    /** The text of the first user message outside every {@code <post>} block. */
    public String outsidePosts() {
        return POST.matcher(firstUser()).replaceAll("");
    }
}
