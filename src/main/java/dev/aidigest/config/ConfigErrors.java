package dev.aidigest.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns a binding failure into one line: the file, the dotted key and the reason. */
final class ConfigErrors {

    private ConfigErrors() {}

    /**
     * @param file    how to name the file ({@code config/application.yml})
     * @param fromEnv dotted key → the environment variable that set it
     */
    static String describe(JsonMappingException e, String file, Map<String, String> fromEnv) {
        String key = key(e);
        String reason;
        if (e instanceof UnrecognizedPropertyException u) {
            reason = "unknown key (known here: " + known(u.getKnownPropertyIds()) + ")";
        } else if (e instanceof ValueInstantiationException || e.getCause() instanceof ConfigException) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            // the record names its own key relative to itself; make it absolute
            String m = c.getMessage() == null ? c.toString() : c.getMessage();
            int colon = m.indexOf(": ");
            if (colon > 0 && m.substring(0, colon).matches("[a-z_]+")) {
                key = key.isEmpty() ? m.substring(0, colon) : key + "." + m.substring(0, colon);
                reason = m.substring(colon + 2);
            } else {
                reason = m;
            }
        } else if (e instanceof InvalidFormatException f) {
            reason = "expected " + kind(f.getTargetType()) + ", got '" + f.getValue() + "'";
        } else if (e instanceof MismatchedInputException m) {
            reason = "expected " + kind(m.getTargetType());
        } else {
            reason = oneLine(e);
        }
        String var = fromEnv.get(key);
        String where = var == null ? file : var + " (environment)";
        return where + ": " + (key.isEmpty() ? "" : key + ": ") + reason;
    }

    static String oneLine(Exception e) {
        String m = e instanceof JsonMappingException j ? j.getOriginalMessage() : e.getMessage();
        m = m == null ? e.toString() : m;
        return m.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static String key(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "none";
        }
        return new TreeSet<>(ids.stream().map(String::valueOf).toList())
                .stream().map(id -> snake(id)).collect(Collectors.joining(", "));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            List<String> names = new java.util.ArrayList<>();
            for (java.lang.reflect.Field f : type.getFields()) {
                if (f.isEnumConstant()) {
                    com.fasterxml.jackson.annotation.JsonProperty p =
                            f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    names.add(p != null ? p.value() : f.getName().toLowerCase(java.util.Locale.ROOT));
                }
            }
            return "one of " + String.join(", ", names);
        }
        if (type.isRecord()) {
            return "a section of keys";
        }
        return "a " + type.getSimpleName();
    }
}
