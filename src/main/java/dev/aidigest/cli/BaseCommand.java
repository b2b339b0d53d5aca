package dev.aidigest.cli;

import dev.aidigest.Wiring;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A subcommand that needs the wired application; {@link #run(Wiring)} returns the exit code. */
abstract class BaseCommand implements Callable<Integer> {

    @ParentCommand
    AppCommand app;

    @Override
    public final Integer call() throws Exception {
        try (Wiring wiring = Wiring.create(app.config, app.data, System.getenv())) {
            return run(wiring);
        }
    }

    abstract int run(Wiring wiring) throws Exception;
}
