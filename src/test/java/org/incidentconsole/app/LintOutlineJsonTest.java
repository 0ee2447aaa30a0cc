package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lint --outline --json} reads the same on every run and in every JVM: its keys keep one order. A golden
 * file catches an order that changes between JVMs (Map.of's order is salted per JVM, so two renders in one JVM
 * alone would not). Regenerate after an intended change with -Dgolden.update=true and review the diff.
 */
class LintOutlineJsonTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/lint-outline.json");

    @TempDir
    Path dir;

    private String outline(Path file) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main(AppHome.resolve(Map.of(), "/home/op")));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.execute("lint", "--outline", "--json", file.toString());
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void the_json_outline_is_byte_for_byte_the_same_on_every_run_and_matches_the_golden_file() throws Exception {
        Path file = dir.resolve("outline.md");
        Files.writeString(file, """
                ---
                variables:
                  release: {default: v1.2.3}
                ---
                # Roll back the API
                ## Step 1: Check the release (30 seconds)
                ```bash
                git -C /srv/app log -1 --format=%H {{release}}
                ```
                ## Step 2: Pick a revision (1-2 minutes)
                ```bash
                kubectl rollout history deployment/api -n <namespace>
                ```
                ## Sign-off
                - [ ] checked by a second person
                - [ ] status page updated
                """);

        String first = outline(file);
        String second = outline(file);

        assertThat(second).isEqualTo(first);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, first);
        }
        assertThat(first).isEqualTo(Files.readString(GOLDEN));
    }
}
