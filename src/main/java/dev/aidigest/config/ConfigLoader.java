package dev.aidigest.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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

    private final ObjectMapper yaml = Jackson.configYaml()
            .copy()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);

    private final Path configDir;
    private final Map<String, String> env;

    public ConfigLoader(Path configDir, Map<String, String> env) {
        this.configDir = configDir;
        this.env = env;
    }

    /**
     * application.yml: the user's file laid over the bundled one (so a key left out keeps its
     * default), then the environment. An unknown key, a value of the wrong type or out of range is
     * a {@link ConfigException} naming the file, the key and the reason.
     */
    public AppConfig app() {
        String file = "application.yml";
        JsonNode defaults = bundledTree(file);
        Path user = configDir.resolve(file);
        JsonNode tree = defaults;
        if (Files.isRegularFile(user)) {
            tree = overlay(defaults.deepCopy(), readTree(file), "");
        }
        Map<String, String> fromEnv = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(ENV_KEYS).entrySet()) {
            String value = env.get(e.getKey());
            if (value != null && !value.isBlank()) {
                set((ObjectNode) tree, e.getValue(), value);
                fromEnv.put(e.getValue(), e.getKey());
            }
        }
        return bind(tree, AppConfig.class, where(file), fromEnv);
    }

    /** sources.yml: the user's file replaces the bundled list; unknown keys and wrong types are errors. */
    public SourcesConfig sources() {
        String file = "sources.yml";
        return bind(readTree(file), SourcesConfig.class, where(file), Map.of());
    }

    /** The text of {@code prompts/<name>.md}: the user's copy if present, else the bundled one. */
    public String prompt(String name) {
        try (InputStream in = open("prompts/" + name + ".md")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read prompt " + name + ": " + e.getMessage(), e);
        }
    }

    /** How messages name the file: its path when the user has one, else the bundled copy. */
    private String where(String file) {
        Path p = configDir.resolve(file);
        return Files.isRegularFile(p) ? p.toString() : "the bundled " + file;
    }

    private <T> T bind(JsonNode tree, Class<T> type, String file, Map<String, String> fromEnv) {
        try {
            return yaml.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new ConfigException(ConfigErrors.describe(e, file, fromEnv), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** Lays {@code user} over {@code base}: objects merge key by key, anything else replaces; null keeps the base. */
    private static JsonNode overlay(JsonNode base, JsonNode user, String at) {
        if (!(base instanceof ObjectNode b) || !user.isObject()) {
            return user.isNull() ? base : user;
        }
        user.fields().forEachRemaining(e -> {
            JsonNode mine = b.get(e.getKey());
            b.set(e.getKey(), mine == null ? e.getValue() : overlay(mine, e.getValue(), at + "." + e.getKey()));
        });
        return b;
    }

    private JsonNode bundledTree(String file) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/config/" + file)) {
            if (in == null) {
                throw new ConfigException("the bundled " + file + " is missing from the jar");
            }
            return asTree(yaml.readTree(in));
        } catch (IOException e) {
            throw new ConfigException("cannot read the bundled " + file + ": " + e.getMessage(), e);
        }
    }

    private JsonNode readTree(String file) {
        try (InputStream in = open(file)) {
            return asTree(yaml.readTree(in));
        } catch (IOException e) {
            throw new ConfigException("cannot read " + where(file) + ": " + ConfigErrors.oneLine(e), e);
        }
    }

    private JsonNode asTree(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? yaml.createObjectNode() : node;
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
