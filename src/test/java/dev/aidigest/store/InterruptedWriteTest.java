package dev.aidigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.TestDb;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it writes (a job stopped at shutdown, a worker cancelled) must not take
 * the H2 file database down: with plain file channels the interrupt closes the channel, and H2 then
 * closes the whole database for every other thread ("The database has been closed").
 */
class InterruptedWriteTest {

    @TempDir
    Path dir;

    @Test
    void aWriterInterruptedMidWriteLeavesTheDatabaseOpenForEveryoneElse() throws Exception {
        try (Database db = Database.open(Database.h2FileUrl(dir), "sa", "")) {
            db.write(c -> {
                try (var s = c.createStatement()) {
                    s.execute("CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(4000))");
                }
                return null;
            });
            AtomicInteger written = new AtomicInteger();
            for (int round = 0; round < 20; round++) {
                int base = round * 100_000;
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < 100_000 && !Thread.currentThread().isInterrupted(); i++) {
                        int id = base + i;
                        try {
                            db.write(c -> {
                                try (var ps = c.prepareStatement("INSERT INTO note VALUES (?, ?)")) {
                                    ps.setInt(1, id);
                                    ps.setString(2, "x".repeat(2000));
                                    ps.executeUpdate();
                                }
                                return null;
                            });
                            written.incrementAndGet();
                        } catch (RuntimeException e) {
                            return; // the interrupted write itself may fail; the database must not
                        }
                    }
                });
                writer.start();
                Thread.sleep(30);
                writer.interrupt();
                writer.join(10_000);
            }
            assertThat(written.get()).isPositive();
            assertThat(TestDb.column(db, "SELECT count(*) FROM note")).hasSize(1);
            db.write(c -> {
                try (var ps = c.prepareStatement("INSERT INTO note VALUES (-1, 'after')")) {
                    ps.executeUpdate();
                }
                return null;
            });
            assertThat(TestDb.column(db, "SELECT body FROM note WHERE id = -1")).containsExactly("after");
        }
    }
}
