package dev.aidigest.cli;

import dev.aidigest.ingest.Progress;
import java.io.PrintStream;

/**
 * A progress bar on stderr for long CLI work: redrawn in place on a terminal, one line per tenth
 * otherwise (logs, CI). Work under {@code minTotal} units shows nothing.
 */
public final class ConsoleProgress implements Progress {

    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private final int minTotal;
    private int lastTenth = -1;

    public ConsoleProgress(PrintStream err, boolean terminal, int minTotal) {
        this.err = err;
        this.terminal = terminal;
        this.minTotal = minTotal;
    }

    /** For the real console: a bar when stderr is a terminal. */
    @SuppressWarnings("SystemConsoleNull") // built for Java 17, where null means no terminal
    public static ConsoleProgress forConsole() {
        return new ConsoleProgress(System.err, System.console() != null, 500);
    }

    @Override
    public synchronized void update(String task, int done, int total) {
        if (total < minTotal) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        String line =
                String.format("%s [%s%s] %d/%d", task, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total);
        if (terminal) {
            err.print("\r" + line + (done >= total ? "\n" : ""));
            err.flush();
        } else {
            int tenth = (int) (10L * done / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println(line);
            }
        }
    }
}
