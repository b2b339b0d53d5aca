package dev.aidigest.testing;

import dev.aidigest.ingest.Embedder;
import dev.aidigest.ingest.IngestService;
import dev.aidigest.ingest.setup.Parsers;
import dev.aidigest.store.Database;
import dev.aidigest.store.PostStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renews every stored vector to {@link FakeEmbedder}'s, in its own process for the SIGKILL test:
 * args are the JDBC URL, the user and how many milliseconds each batch of embedding takes.
 */
public final class RenewMain {

    private RenewMain() {}

    public static void main(String[] args) throws Exception {
        long batchMillis = Long.parseLong(args[2]);
        FakeEmbedder fake = new FakeEmbedder();
        Embedder slow = new Embedder() {
            @Override
            public List<float[]> embed(List<String> texts) {
                try {
                    Thread.sleep(batchMillis); // the real model's pace, so the kill lands mid-way
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return fake.embed(texts);
            }

            @Override
            public int dimensions() {
                return fake.dimensions();
            }

            @Override
            public String model() {
                return fake.model();
            }
        };
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(args[0], args[1], "")) {
            IngestService ingest = new IngestService(
                    Parsers.all(Map.of(), clock),
                    new PostStore(db, clock),
                    slow,
                    new InMemorySourceStates(),
                    clock,
                    1 << 20,
                    Duration.ofHours(1));
            System.out.println("renewing");
            System.out.println("renewed " + ingest.renewEmbeddings(Instant.EPOCH));
        }
    }
}
