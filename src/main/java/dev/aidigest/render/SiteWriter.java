package dev.aidigest.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes rendered digests into a Hugo content tree ({@code <site>/content/posts/<slot>.md}), atomically,
 * so a reader of the directory never sees half a file.
 */
public final class SiteWriter {

    private final Path siteDir;

    public SiteWriter(Path siteDir) {
        this.siteDir = siteDir;
    }

    private static void readableByAll(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** Writes one post and returns its path; a file already there for the name is replaced. */
    public Path writePost(String name, String markdown) {
        Path dir = siteDir.resolve("content").resolve("posts");
        Path target = dir.resolve(name + ".md");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
            Files.writeString(tmp, markdown, StandardCharsets.UTF_8);
            readableByAll(tmp); // temp files start 0600; a web server serving the site runs as another user
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
