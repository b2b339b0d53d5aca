package dev.aidigest.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aidigest.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code aliases.yml} token by token, so that every refusal names the line it is about:
 * bad YAML, a key that is not one of {@link #KEYS}, a value of the wrong type. What the entries
 * mean together (duplicate ids, a surface claimed twice) is checked by {@link AliasRules}.
 */
final class AliasFile {

    private static final Pattern MARK = Pattern.compile("line (\\d+), column \\d+");

    static final List<String> KEYS = List.of("id", "kind", "names", "org", "cased", "except");

    /** An entry and the line it starts on (0 when it did not come from a file). */
    record Located(Aliases.Entity entity, int line) {}

    private final String where;
    private final JsonParser p;

    private AliasFile(String where, JsonParser p) {
        this.where = where;
        this.p = p;
    }

    /** @param where how the file is named in errors: its path, or "the bundled config/aliases.yml" */
    static List<Located> read(String where, InputStream in) {
        try (JsonParser p = new YAMLFactory().createParser(in)) {
            return new AliasFile(where, p).entries();
        } catch (JsonProcessingException e) {
            throw error(where, problemLine(e), "not valid YAML: " + problem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read: " + e.getMessage(), e);
        }
    }

    static ConfigException error(String where, int line, String reason) {
        return new ConfigException(where + (line > 0 ? " line " + line : "") + ": " + reason);
    }

    private List<Located> entries() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw fail("the file is empty: it must be a list of entities (write [] for none)");
        }
        if (t != JsonToken.START_ARRAY) {
            throw fail("the file must be a list of entities, one \"- {id: ..., kind: ..., names: [...]}\" each");
        }
        List<Located> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw fail("an entity must be a mapping with id, kind and names");
            }
            out.add(entity());
        }
        if (p.nextToken() != null) {
            throw fail("one YAML document only");
        }
        return out;
    }

    private Located entity() throws IOException {
        int line = line();
        Set<String> seen = new HashSet<>();
        String id = null;
        String kind = null;
        String org = null;
        List<String> names = null;
        List<String> cased = List.of();
        List<String> except = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (!KEYS.contains(key)) {
                throw fail("unknown key '" + key + "' (the keys are " + String.join(", ", KEYS) + ")");
            }
            if (!seen.add(key)) {
                throw fail("key '" + key + "' is given twice");
            }
            p.nextToken();
            switch (key) {
                case "id" -> id = scalar(key);
                case "kind" -> kind = scalar(key);
                case "org" -> org = scalar(key);
                case "names" -> names = list(key);
                case "cased" -> cased = list(key);
                default -> except = list(key);
            }
        }
        if (id == null || id.isBlank()) {
            throw error(where, line, "an entity without id");
        }
        if (names == null || names.isEmpty()) {
            throw error(where, line, "entity '" + id + "' has no names");
        }
        if (kind == null) {
            throw error(where, line, "entity '" + id + "' has no kind (one of " + kinds() + ")");
        }
        return new Located(
                new Aliases.Entity(id, kind(kind, id, line), names, org, new LinkedHashSet<>(cased), except), line);
    }

    private Aliases.Kind kind(String kind, String id, int line) {
        try {
            return Aliases.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(where, line, "entity '" + id + "': kind '" + kind + "' is not one of " + kinds());
        }
    }

    private static String kinds() {
        StringBuilder sb = new StringBuilder();
        for (Aliases.Kind k : Aliases.Kind.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k.name().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    private String scalar(String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText().trim();
        }
        throw fail(key + " must be a single word or name, not " + describe(t));
    }

    private List<String> list(String key) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail(key + " must be a list, e.g. " + key + ": [Nvidia, 英伟达], not " + describe(p.currentToken()));
        }
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw fail(key + " must list names, not " + describe(t));
            }
            out.add(p.getText().trim());
        }
        return out;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_NULL -> "an empty value";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            default -> t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : t.asString();
        };
    }

    private int line() {
        return p.currentTokenLocation().getLineNr();
    }

    private ConfigException fail(String reason) {
        return error(where, line(), reason);
    }

    /**
     * The YAML parser's message is several lines: what it was doing, what went wrong, and each time
     * where, with a quote of the line. The last "line N" is where the problem is.
     */
    private static int problemLine(JsonProcessingException e) {
        Matcher m = MARK.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        int line = 0;
        while (m.find()) {
            line = Integer.parseInt(m.group(1));
        }
        JsonLocation at = e.getLocation();
        return line > 0 ? line : at == null ? 0 : at.getLineNr();
    }

    /** The message's own sentences, without the marks and quotes. */
    private static String problem(String message) {
        if (message == null) {
            return "unreadable";
        }
        StringBuilder sb = new StringBuilder();
        for (String l : message.split("\\R")) {
            if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                sb.append(sb.length() == 0 ? "" : "; ").append(l.strip());
            }
        }
        return sb.length() == 0 ? message.strip() : sb.toString();
    }
}
