package dev.aidigest.bench;

import dev.aidigest.testing.KillNine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} at random points of {@code import}, {@code digest} and serve's fan-out to 40 Telegram
 * chats, 20 times each, on H2 and on PostgreSQL; prints what was lost and how many messages were sent
 * twice. Needs the jar ({@code mvn -o -DskipTests package} first). Run:
 * {@code mvn -o -Pbench test -Dtest=KillNineBench} ({@code -Druns=N}, {@code -Dstores=H2}, {@code -Dseed=S}).
 */
class KillNineBench {

    static final int RUNS = Integer.getInteger("runs", 20);
    static final int CHATS = 40;

    @Test
    void killNineAtRandomPoints() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        List<String> lines = new ArrayList<>();
        for (String name : System.getProperty("stores", "H2,POSTGRES").split(",")) {
            KillNine.Store store = KillNine.Store.valueOf(name.trim());
            for (String command : List.of("import", "digest", "serve")) {
                Path work = Files.createTempDirectory("kill9-" + command);
                try (KillNine kill = new KillNine(store, work, seed)) {
                    KillNine.Tally t =
                            switch (command) {
                                case "import" -> kill.imports(RUNS);
                                case "digest" -> kill.digests(RUNS);
                                default -> kill.fanOut(RUNS, CHATS);
                            };
                    System.out.println(t.line());
                    lines.add(t.line());
                }
            }
        }
        System.out.println("seed " + seed + "; " + KillNine.legend());
        lines.forEach(System.out::println);
    }
}
