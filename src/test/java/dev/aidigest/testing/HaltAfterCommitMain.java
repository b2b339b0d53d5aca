package dev.aidigest.testing;

import dev.aidigest.store.Database;

/**
 * Opens a database through {@link Database#open} (args: JDBC URL, user), commits one row in table
 * {@code chat}, prints "committed" and halts the JVM at once, as {@code kill -9} would: no shutdown
 * hook, no close, no background writer gets another turn.
 */
public final class HaltAfterCommitMain {

    private HaltAfterCommitMain() {}

    public static void main(String[] args) {
        Database db = Database.open(args[0], args.length > 1 ? args[1] : "", "");
        db.transaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO chat (platform, chat_id, kind, title, bot_status, updated_at)"
                    + " VALUES ('telegram', ?, 'private', 'halt', 'member', CURRENT_TIMESTAMP)")) {
                ps.setString(1, args.length > 2 ? args[2] : "halt-1");
                return ps.executeUpdate();
            }
        });
        System.out.println("committed");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
