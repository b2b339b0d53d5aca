package dev.aidigest.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aidigest.json.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Request bodies checked against JSON snapshot files under {@code src/test/resources/snapshots/}
 * (JDA does the same for its REST payloads). A missing snapshot is written and the test fails once,
 * so a new snapshot is always looked at before it is committed.
 */
public final class JsonSnapshots {

    private static final ObjectMapper JSON = Jackson.json();

    private JsonSnapshots() {}

    public static void assertMatches(String name, JsonNode actual) {
        try (InputStream in = JsonSnapshots.class.getResourceAsStream("/snapshots/" + name)) {
            if (in == null) {
                Path file = Path.of("src/test/resources/snapshots", name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
                fail("snapshot " + name + " was missing; written to " + file.toAbsolutePath()
                        + ", check it and re-run");
            }
            assertThat(actual).as("snapshot " + name).isEqualTo(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
