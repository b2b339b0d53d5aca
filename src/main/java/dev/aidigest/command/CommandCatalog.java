package dev.aidigest.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands as {@code bots/commands.yml} defines them, in file order. Platforms register from
 * this list; the router takes names and admin-only flags from it.
 */
public final class CommandCatalog {

    /** Where the definition is bundled (the pom copies {@code bots/} into the jar). */
    public static final String RESOURCE = "/bots/commands.yml";

    private final Map<String, CommandSpec> specs;

    public CommandCatalog(List<CommandSpec> specs) {
        Map<String, CommandSpec> m = new LinkedHashMap<>();
        for (CommandSpec s : specs) {
            if (m.put(s.name(), s) != null) {
                throw new IllegalArgumentException("command defined twice: " + s.name());
            }
        }
        this.specs = Map.copyOf(m);
        this.order = List.copyOf(m.values());
    }

    private final List<CommandSpec> order;

    /** Loads the bundled {@code bots/commands.yml}. */
    public static CommandCatalog load() {
        try (InputStream in = CommandCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommandCatalog parse(InputStream in) throws IOException {
        File file = Jackson.yaml().readValue(in, File.class);
        return new CommandCatalog(file.commands.stream()
                .map(e -> new CommandSpec(e.name, e.args, e.adminOnly, e.help.get("zh"), e.help.get("en")))
                .toList());
    }

    public List<CommandSpec> all() {
        return order;
    }

    public Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class File {
        public List<Entry> commands = List.of();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Entry {
        public String name;
        public String args;

        @JsonProperty("admin_only")
        public boolean adminOnly;

        public Map<String, String> help = Map.of();
    }
}
