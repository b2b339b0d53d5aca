package dev.aidigest.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What a few tests need from the machine (a CJK font, Chromium). Where it is missing the test is
 * skipped, and the reason and the package to install are printed on the console, so a run on a fresh
 * machine says what it did not check instead of failing or passing silently.
 */
public final class SystemFiles {

    private SystemFiles() {}

    /** Skips the calling test, saying why on the console, unless {@code file} is readable. */
    public static void require(Path file, String what, String install) {
        if (!Files.isReadable(file)) {
            String reason = what + " not found at " + file + " (" + install + "): test skipped";
            System.out.println("SKIPPED " + caller() + ": " + reason);
            Assumptions.abort(reason);
        }
    }

    private static String caller() {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        StackTraceElement e = stack.length > 2 ? stack[2] : stack[stack.length - 1];
        return e.getClassName().replaceFirst(".*\\.", "") + "." + e.getMethodName();
    }
}
