package dev.aidigest.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.aidigest.config.ConfigException;
import dev.aidigest.delivery.FollowMatch;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The topic categories of {@code config/topics.yml}: a chat subscribed to {@code 视频生成} gets the
 * items that name any of its words (Sora, Veo, 可灵 …). A category is found by its name or one of its
 * {@code also} names, in any case; a topic that is no category matches as itself.
 */
public final class TopicCategories {

    public static final String FILE = "topics.yml";

    /** One category: the names a chat may type and the words an item must name one of. */
    public record Category(String name, List<String> also, List<String> words) {
        public Category {
            also = also == null ? List.of() : List.copyOf(also);
            words = words == null ? List.of() : List.copyOf(words);
        }
    }

    private record File(List<Category> categories) {}

    private final List<Category> categories;
    private final Map<String, Category> byName = new HashMap<>();

    private TopicCategories(List<Category> categories, String source) {
        this.categories = List.copyOf(categories);
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            String where = source + ": category " + (i + 1);
            if (c.name() == null || c.name().isBlank()) {
                throw new ConfigException(where + ": 'name' is missing");
            }
            if (c.words().isEmpty() || c.words().stream().anyMatch(w -> w == null || w.isBlank())) {
                throw new ConfigException(where + " ('" + c.name() + "'): 'words' must be a list of words");
            }
            List<String> names = new ArrayList<>(c.also());
            names.add(0, c.name());
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    throw new ConfigException(where + " ('" + c.name() + "'): 'also' has an empty name");
                }
                Category before = byName.putIfAbsent(key(n), c);
                if (before != null) {
                    throw new ConfigException(
                            where + " ('" + c.name() + "'): '" + n + "' is already a name of '" + before.name() + "'");
                }
            }
        }
    }

    /** {@code <configDir>/topics.yml} if there is one (it replaces the bundled list), else the bundled list. */
    public static TopicCategories load(Path configDir) {
        Path file = configDir == null ? null : configDir.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return bundled();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The categories shipped in the jar. */
    public static TopicCategories bundled() {
        return Bundled.CATEGORIES;
    }

    /** No categories: every topic matches as itself. */
    public static TopicCategories none() {
        return new TopicCategories(List.of(), "none");
    }

    static TopicCategories parse(InputStream in, String source) {
        ObjectMapper yaml = Jackson.yaml().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            byte[] bytes = in.readAllBytes();
            JsonNode root = yaml.readTree(bytes);
            if (root == null || root.isNull() || root.isMissingNode()) {
                return new TopicCategories(List.of(), source);
            }
            File f = yaml.readValue(bytes, File.class); // read again from the text: errors keep their line
            return new TopicCategories(f.categories() == null ? List.of() : f.categories(), source);
        } catch (IOException e) {
            throw new ConfigException(source + ": " + oneLine(e), e);
        }
    }

    /** The category a topic names, if it is one. */
    public Optional<Category> find(String topic) {
        return topic == null ? Optional.empty() : Optional.ofNullable(byName.get(key(topic)));
    }

    public List<Category> all() {
        return categories;
    }

    /**
     * {@code match} with categories: a topic that names a category matches a text that names any of
     * the category's words (each matched by {@code match}, so aliases apply); any other topic as itself.
     */
    public FollowMatch expanding(FollowMatch match) {
        return (topic, text) -> find(topic)
                .map(c -> match.matches(c.name(), text) || c.words().stream().anyMatch(w -> match.matches(w, text)))
                .orElseGet(() -> match.matches(topic, text));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code line 7: unknown key 'wrds' (known: name, also, words)}, or Jackson's first line with its line. */
    private static String oneLine(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String where = u.getPath().stream()
                    .filter(r -> r.getIndex() >= 0)
                    .map(r -> "category " + (r.getIndex() + 1) + ": ")
                    .findFirst()
                    .orElse("");
            return where + "unknown key '" + u.getPropertyName() + "' (known: "
                    + String.join(
                            ", ",
                            u.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .toList()) + ")";
        }
        if (e instanceof JsonProcessingException j) {
            return at(j) + j.getOriginalMessage().lines().findFirst().orElse("");
        }
        return String.valueOf(e.getMessage());
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
    }

    private static final class Bundled {
        static final TopicCategories CATEGORIES = load();

        private static TopicCategories load() {
            try (InputStream in = TopicCategories.class.getResourceAsStream("/config/" + FILE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled config/" + FILE + " is missing");
                }
                return parse(in, "bundled config/" + FILE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled config/" + FILE, e);
            }
        }
    }
}
