package dev.aidigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.App;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broken config/aliases.yml stops every command at start: exit 2, one line naming the file, the line and why. */
class AliasesCliTest {

    static final String GOOD = "- {id: nvidia, kind: company, names: [Nvidia, 英伟达]}\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      bad YAML          | - {id: google, kind: company, names: [Google\\n                  | 3 | not valid YAML
      no names          | - {id: google, kind: company}\\n                                 | 2 | has no names
      duplicate id      | - {id: nvidia, kind: company, names: [NVDA, Nvidia Corp]}\\n      | 2 | duplicate id 'nvidia'
      claimed twice     | - {id: nvda, kind: company, names: [NVDA, 英伟达]}\\n             | 2 | claimed by both 'nvidia'
      unknown org       | - {id: geforce, kind: product, names: [GeForce], org: nvidiaa}\\n | 2 | org 'nvidiaa'
      unknown key       | - {id: google, kind: company, names: [Google], alias: [G]}\\n     | 2 | unknown key 'alias'
      wrong type        | - {id: google, kind: company, names: Google}\\n                   | 2 | names must be a list
      """)
    void aBrokenAliasesFileExitsTwoWithOneLine(String what, String entry, int line, String reason) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path file = config.resolve("aliases.yml");
        Files.writeString(file, GOOD + entry.replace("\\n", "\n"), StandardCharsets.UTF_8);
        Path posts = Files.writeString(dir.resolve("posts.jsonl"), "", StandardCharsets.UTF_8);

        for (List<String> command : List.of(
                List.of("digest", "--at", "2025.11.26.16"),
                List.of("import", posts.toString()),
                List.of("report", "--date", "2025-11-26"),
                List.of("serve"))) {
            exitsTwoWithOneLine(run(config, command), command, file, line, reason);
        }
        assertThat(dir.resolve("data")).as("nothing was opened").doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      bad YAML          | - {id: openweights, kind: term, names: [open weights\\n           | 3 | not valid YAML
      claimed twice     | - {id: weights, kind: term, names: [weights, 开源]}\\n              | 2 | claimed by both 'opensource'
      a name, not term  | - {id: nvidia, kind: company, names: [Nvidia]}\\n                   | 2 | holds only kind: term
      unknown org       | - {id: memo, kind: term, names: [memo], org: openai}\\n             | 2 | org 'openai'
      """)
    void aBrokenTermsFileExitsTwoWithOneLine(String what, String entry, int line, String reason) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path file = config.resolve("terms.yml");
        Files.writeString(
                file,
                "- {id: opensource, kind: term, names: [open source, 开源]}\n" + entry.replace("\\n", "\n"),
                StandardCharsets.UTF_8);
        for (List<String> command : List.of(List.of("digest", "--at", "2025.11.26.16"), List.of("serve"))) {
            exitsTwoWithOneLine(run(config, command), command, file, line, reason);
        }
    }

    @org.junit.jupiter.api.Test
    void aTermInTheAliasesFileIsRefused() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path file = config.resolve("aliases.yml");
        Files.writeString(file, GOOD + "- {id: memo, kind: term, names: [memo, 内部信]}\n", StandardCharsets.UTF_8);
        Run r = run(config, List.of("digest", "--at", "2025.11.26.16"));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.stderr).contains(file + " line 2: 'memo' is a term: terms go in terms.yml");
    }

    /** Exit 2 and one line on stderr: the file, the line and the reason. */
    private static void exitsTwoWithOneLine(Run r, List<String> command, Path file, int line, String reason) {
        assertThat(r.code).as(command + ": " + r.stderr).isEqualTo(2);
        assertThat(r.stderr.lines().toList())
                .as(command.toString())
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .startsWith("ai-digest: " + file + " line " + line + ": ")
                        .contains(reason));
    }

    record Run(int code, String stderr) {}

    private Run run(Path config, List<String> command) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            String[] args = new String[command.size() + 4];
            args[0] = "--config";
            args[1] = config.toString();
            args[2] = "--data";
            args[3] = dir.resolve("data").toString();
            for (int i = 0; i < command.size(); i++) {
                args[i + 4] = command.get(i);
            }
            return new Run(App.run(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }
}
