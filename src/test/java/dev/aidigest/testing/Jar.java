package dev.aidigest.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built jar as a user would ({@code java -jar target/ai-digest.jar ...}) in a working
 * directory of the test's own, with an environment of the test's choosing. Used by *IT tests, which
 * run after {@code package}.
 */
public final class Jar {

    public static final Path JAR = Path.of("target", "ai-digest.jar").toAbsolutePath();

    /** What one run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {}

    private Jar() {}

    public static Result run(Path workDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR + " is missing: run `mvn verify` (the jar is built before the *IT tests)");
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx1g", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AIDIGEST_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ai-digest " + String.join(" ", args) + " did not finish in 180 s");
        }
        Result r = new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * Starts the jar without waiting, stdout and stderr into {@code out} and {@code err}: for tests that
     * watch what it prints and kill it.
     */
    public static Process start(Path workDir, Map<String, String> env, Path out, Path err, String... args)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR + " is missing: run `mvn package` (the jar is built before the *IT tests)");
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx1g", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AIDIGEST_"));
        pb.environment().putAll(env);
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return pb.start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
