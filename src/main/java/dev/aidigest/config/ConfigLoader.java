package dev.aidigest.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code application.yml} and {@code sources.yml} from the config directory (falling back to
 * the copies bundled in the jar), then lets {@code AIDIGEST_*} environment variables override keys.
 */
public final class ConfigLoader {

    /** Environment variable → dotted key in application.yml; the README lists them. */
    static final Map<String, String> ENV_KEYS = Map.ofEntries(
            Map.entry("AIDIGEST_DB_URL", "database.url"),
            Map.entry("AIDIGEST_DB_USER", "database.user"),
            Map.entry("AIDIGEST_DB_PASSWORD", "database.password"),
            Map.entry("AIDIGEST_LLM_BASE_URL", "llm.base_url"),
            Map.entry("AIDIGEST_LLM_API_KEY", "llm.api_key"),
            Map.entry("AIDIGEST_LLM_MODEL", "llm.model"),
            Map.entry("AIDIGEST_X_BEARER_TOKEN", "x.bearer_token"),
            Map.entry("AIDIGEST_X_API_URL", "x.api_url"),
            Map.entry("AIDIGEST_TWITTERAPI_KEY", "x.twitterapi_io.api_key"),
            Map.entry("AIDIGEST_TWITTERAPI_URL", "x.twitterapi_io.api_url"),
            Map.entry("AIDIGEST_RSSHUB_URL", "rsshub.url"),
            Map.entry("AIDIGEST_TELEGRAM_TOKEN", "telegram.token"),
            Map.entry("AIDIGEST_TELEGRAM_API_URL", "telegram.api_url"),
            Map.entry("AIDIGEST_TELEGRAM_WEBHOOK_SECRET", "telegram.webhook_secret"),
            Map.entry("AIDIGEST_DISCORD_TOKEN", "discord.token"),
            Map.entry("AIDIGEST_DISCORD_PUBLIC_KEY", "discord.public_key"),
            Map.entry("AIDIGEST_DISCORD_API_URL", "discord.api_url"),
            Map.entry("AIDIGEST_DISCORD_GATEWAY_URL", "discord.gateway_url"),
            Map.entry("AIDIGEST_LARK_APP_ID", "lark.app_id"),
            Map.entry("AIDIGEST_LARK_APP_SECRET", "lark.app_secret"),
            Map.entry("AIDIGEST_LARK_API_URL", "lark.api_url"),
            Map.entry("AIDIGEST_LARK_VERIFICATION_TOKEN", "lark.verification_token"),
            Map.entry("AIDIGEST_LARK_ENCRYPT_KEY", "lark.encrypt_key"),
            Map.entry("AIDIGEST_LARK_RECEIVE", "lark.receive"),
            Map.entry("AIDIGEST_HTTP_PORT", "http.port"),
            Map.entry("AIDIGEST_HTTP_PUBLIC_URL", "http.public_url"),
            Map.entry("AIDIGEST_TIMEZONE", "timezone"),
            Map.entry("AIDIGEST_DIGEST_CRON", "digest.cron"),
            Map.entry("AIDIGEST_REPORT_CRON", "report.cron"));

    private final ObjectMapper yaml = Jackson.configYaml();

    private final Path configDir;
    private final Map<String, String> env;

    public ConfigLoader(Path configDir, Map<String, String> env) {
        this.configDir = configDir;
        this.env = env;
    }

    public AppConfig app() {
        JsonNode tree = readTree("application.yml");
        ENV_KEYS.forEach((var, key) -> {
            String value = env.get(var);
            if (value != null && !value.isBlank()) {
                set((ObjectNode) tree, key, value);
            }
        });
        try {
            return yaml.treeToValue(tree, AppConfig.class);
        } catch (IOException e) {
            throw new ConfigException("config/application.yml: " + e.getMessage(), e);
        }
    }

    public SourcesConfig sources() {
        try {
            return yaml.treeToValue(readTree("sources.yml"), SourcesConfig.class);
        } catch (IOException e) {
            throw new ConfigException("config/sources.yml: " + e.getMessage(), e);
        }
    }

    /** The text of {@code prompts/<name>.md}: the user's copy if present, else the bundled one. */
    public String prompt(String name) {
        try (InputStream in = open("prompts/" + name + ".md")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read prompt " + name + ": " + e.getMessage(), e);
        }
    }

    private JsonNode readTree(String file) {
        try (InputStream in = open(file)) {
            JsonNode node = yaml.readTree(in);
            return node == null || node.isMissingNode() || node.isNull() ? yaml.createObjectNode() : node;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String file) throws IOException {
        Path p = configDir.resolve(file);
        if (Files.isRegularFile(p)) {
            return Files.newInputStream(p);
        }
        InputStream bundled = ConfigLoader.class.getResourceAsStream("/config/" + file);
        if (bundled == null) {
            throw new IOException("not found in " + configDir.toAbsolutePath() + " nor bundled");
        }
        return bundled;
    }

    private static void set(ObjectNode root, String dotted, String value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
