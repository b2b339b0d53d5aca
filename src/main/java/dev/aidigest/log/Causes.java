package dev.aidigest.log;

/** A failure told in one log line: what went wrong and why, without a stack trace. */
public final class Causes {

    private Causes() {}

    /** The messages of {@code e} and its causes, each once, joined by ": " on one line (at most ~400 characters). */
    public static String oneLine(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (b.indexOf(m) < 0) {
                b.append(b.length() == 0 ? "" : ": ").append(m);
            }
        }
        return b.toString().replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** True when {@code e} or one of its causes is a {@code type}. */
    public static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
