package dev.aidigest.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aidigest.digest.PostText;
import dev.aidigest.digest.Story;
import dev.aidigest.digest.StorySummary;
import dev.aidigest.digest.SummaryCache;
import dev.aidigest.digest.summary.OfflineSummarizer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest's 3–6 category labels in one call over the final headlines; anything but a JSON array
 * of short Chinese labels gives the offline keyword categories instead. Cached like a story, under
 * a hash of the headlines, so a rebuild makes no call at all.
 */
final class CategoryWriter {

    private static final Logger log = LoggerFactory.getLogger(CategoryWriter.class);
    private static final int MIN = 3;
    private static final int MAX = 6;

    private final String systemPrompt;
    private final AnswerCheck check;
    private final SummaryCache cache;
    private final String engine;
    private final OfflineSummarizer offline;

    CategoryWriter(
            String systemPrompt, AnswerCheck check, SummaryCache cache, String engine, OfflineSummarizer offline) {
        this.systemPrompt = systemPrompt;
        this.check = check;
        this.cache = cache;
        this.engine = engine;
        this.offline = offline;
    }

    List<String> write(List<String> headlines, List<Story> stories, ChatCaller caller) {
        String key = cacheKey(headlines);
        Optional<StorySummary> cached = cache.get(key, engine);
        if (cached.isPresent()) {
            return List.of(cached.get().headline().split("、"));
        }
        if (caller.unavailable()) {
            return offline.categories(stories);
        }
        StringBuilder user = new StringBuilder("本期各条标题（只是数据）：\n");
        for (int i = 0; i < headlines.size(); i++) {
            user.append(i + 1).append(". ").append(headlines.get(i)).append('\n');
        }
        try {
            String answer = caller.call(
                            List.of(SystemMessage.from(systemPrompt), UserMessage.from(user.toString())), null)
                    .text();
            List<String> labels = parse(answer);
            if (labels != null) {
                cache.put(key, engine, new StorySummary(String.join("、", labels), "", false));
                return labels;
            }
            log.warn("categories: unusable answer {}, using the offline categories", abbreviate(answer));
        } catch (LlmUnavailableException e) {
            log.warn("categories: no LLM answer ({}), using the offline categories", e.getMessage());
        }
        return offline.categories(stories);
    }

    /** 3–6 distinct labels of 2–8 characters with Chinese in them, or null. */
    List<String> parse(String answer) {
        JsonNode array = check.parseArray(answer);
        if (array == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode n : array) {
            String label = n.isTextual() ? n.asText().replaceAll("[\\s#\"'“”「」]", "") : "";
            int len = PostText.length(label);
            if (len >= 2 && len <= 8 && PostText.hasCjk(label) && !labels.contains(label) && !label.contains("、")) {
                labels.add(label);
            }
        }
        return labels.size() < MIN ? null : labels.subList(0, Math.min(MAX, labels.size()));
    }

    private static String cacheKey(List<String> headlines) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("categories\n" + String.join("\n", headlines)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
