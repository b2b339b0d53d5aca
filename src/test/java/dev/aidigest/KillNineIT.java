package dev.aidigest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.testing.KillNine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of the kill -9 bench ({@code KillNineBench}): a few kills of each command on H2, the
 * default database, whose delayed writes were what lost committed work. What a command reported is in
 * the database after the kill, and a kill of serve's one delivery worker repeats at most one message.
 */
class KillNineIT {

    @TempDir
    Path work;

    @Test
    void whatImportAndDigestReportedSurvivesKillNine() throws Exception {
        try (KillNine kill = new KillNine(KillNine.Store.H2, work, 11)) {
            KillNine.Tally imports = kill.imports(4);
            KillNine.Tally digests = kill.digests(2);
            System.out.println(imports.line());
            System.out.println(digests.line());
            assertThat(imports.killedAfterReport())
                    .as("the seed kills after the report")
                    .isPositive();
            assertThat(imports.lost()).isZero();
            assertThat(digests.lost()).isZero();
        }
    }

    @Test
    void killNineDuringFanOutRepeatsAtMostTheMessageInFlight() throws Exception {
        try (KillNine kill = new KillNine(KillNine.Store.H2, work, 7)) {
            KillNine.Tally serve = kill.fanOut(2, 40);
            System.out.println(serve.line());
            assertThat(serve.lost()).isZero();
            assertThat(serve.worstPerKill()).isLessThanOrEqualTo(1);
        }
    }
}
