package dev.aidigest.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The configured Jackson mappers, one of each kind for the whole program. Each is built once, fully
 * configured, and shared (a configured mapper is thread-safe); callers never reconfigure them: a part
 * that needs other settings gets a kind of its own here.
 */
public final class Jackson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectMapper INDENTED =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private static final ObjectMapper CONFIG = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Jackson() {}

    /** JSON with Jackson's defaults: our own formats (columns, archive, API answers, imports). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** JSON that ignores fields it has no property for: a platform's payloads, which grow new fields. */
    public static ObjectMapper lenientJson() {
        return LENIENT;
    }

    /** JSON written indented, for files and output a person reads. */
    public static ObjectMapper indentedJson() {
        return INDENTED;
    }

    /** YAML trees and records with Jackson's defaults: the bundled data files. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** YAML for the configuration files: snake_case keys, a missing number is its default. */
    public static ObjectMapper configYaml() {
        return CONFIG;
    }
}
