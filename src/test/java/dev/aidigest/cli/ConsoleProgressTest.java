package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalPrintsOneLinePerTenth() {
        ConsoleProgress p = new ConsoleProgress(err, false, 500);
        for (int done = 64; done < 2000; done += 64) {
            p.update("embedding", done, 2000);
        }
        p.update("embedding", 2000, 2000);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines())
                .hasSizeBetween(10, 11)
                .last()
                .asString()
                .contains("2000/2000")
                .contains("#".repeat(30));
    }

    @Test
    void onATerminalRedrawsInPlaceAndEndsTheLine() {
        ConsoleProgress p = new ConsoleProgress(err, true, 500);
        p.update("embedding", 500, 1000);
        p.update("embedding", 1000, 1000);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("\rembedding [")
                .endsWith("1000/1000\n");
    }

    @Test
    void smallWorkShowsNothing() {
        new ConsoleProgress(err, false, 500).update("embedding", 100, 154);
        assertThat(bytes.size()).isZero();
    }
}
