package dev.aidigest.testing;

import dev.aidigest.ServeWeb;
import dev.aidigest.config.AppConfig;
import dev.aidigest.store.ArchiveStore;
import dev.aidigest.store.Database;
import dev.aidigest.store.OpsStore;
import dev.aidigest.store.SearchStore;
import dev.aidigest.web.ServeMetrics;
import dev.aidigest.web.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The web archive alone over an existing data directory, for looking at the pages in a browser:
 * {@code ArchiveMain DATA_DIR PORT}. Runs until killed.
 */
public final class ArchiveMain {

    private ArchiveMain() {}

    public static void main(String[] args) throws Exception {
        Database db = Database.open(Database.h2FileUrl(Path.of(args[0])), "", "");
        SearchStore search = new SearchStore(db);
        search.catchUp();
        AppConfig config = TestConfigs.noChat();
        Clock clock = Clock.systemUTC();
        WebServer web = new WebServer(
                List.of(),
                ServeWeb.routes(
                        db, new ArchiveStore(db), search, config, new ServeMetrics(new OpsStore(db), clock), clock));
        System.out.println("port " + web.start(Integer.parseInt(args[1])));
        Thread.currentThread().join();
    }
}
