package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run lint(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main(AppHome.resolve(Map.of(), "/home/op")));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("lint"));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void the_shipped_runbooks_lint_clean() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("runbooks"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).map(Path::toString).sorted().toList();
        }
        assertThat(files).extracting(f -> Path.of(f).getFileName().toString()).contains("emergency-rollback.md",
                "safe-mode.md", "breaker-recovery.md", "verification.md");

        Run run = lint(files.toArray(String[]::new));

        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
    }

    @Test
    void errors_print_file_line_message_and_exit_1() throws Exception {
        Path file = write("bad.md", "# R\n## Go (1 minute)\n```sh\ngit checkout {{ref}}\n```\n");
        Run run = lint(file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(file + ":4: error: undeclared variable {{ref}}: declare it under "
                + "'variables:' in the front matter" + System.lineSeparator());
    }

    @Test
    void warnings_alone_exit_0() throws Exception {
        Path file = write("warn.md", "# R\n## Wipe\n```sh\nredis-cli FLUSHALL\n```\n");
        Run run = lint(file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(file + ":2: warning: step without a time budget")
                .contains(file + ":4: warning: dangerous command (wipes every key of every Redis database)");
    }

    @Test
    void an_unloadable_file_is_an_error_with_its_line() throws Exception {
        Path blob = dir.resolve("blob.md");
        Files.write(blob, new byte[] {'#', ' ', 'x', '\n', 0, 1, 2});
        Run run = lint(blob.toString(), dir.resolve("missing.md").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(blob + ":2: binary content").contains("missing.md:1: file not found");
    }

    @Test
    void duplicate_step_titles_and_unterminated_fences_are_reported() throws Exception {
        Path file = write("dup.md", "# R\n## Check (1 minute)\n- [ ] a\n## Check (1 minute)\n- [ ] b\n"
                + "## Last (1 minute)\n```bash\nuptime\n");
        Run run = lint(file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":4: warning: duplicate step title 'R › Check (1 minute)' (also at line 2)")
                .contains(file + ":7: error: unterminated code fence");
    }

    @Test
    void the_outline_shows_each_step_with_budget_blocks_items_placeholders_and_dangers() throws Exception {
        Run run = lint("--outline", "runbooks/emergency-rollback.md");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Emergency rollback (10 steps)")
                .contains("Step 2: Switch to the stable release (1 minute)")
                .contains("placeholders: {{app_dir}}, {{stable_ref}}")
                .contains("danger at line 81: in-flight PHP requests are dropped");
    }

    @Test
    void the_json_outline_has_the_documented_shape() throws Exception {
        Path file = write("j.md", """
                # Rollback
                ## Step 1: Go (2-5 minutes)
                ```bash
                git reset --hard <commit-hash>
                ```
                ## Notes
                - [ ] one
                - [ ] two
                """);
        Run run = lint("--outline", "--json", file.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertThat(json.get("title").asText()).isEqualTo("Rollback");
        JsonNode first = json.get("steps").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("path").toString()).isEqualTo("[\"Rollback\",\"Step 1: Go (2-5 minutes)\"]");
        assertThat(first.get("budget").get("minSeconds").asLong()).isEqualTo(120);
        assertThat(first.get("budget").get("maxSeconds").asLong()).isEqualTo(300);
        assertThat(first.get("shellBlocks").asInt()).isEqualTo(1);
        assertThat(first.get("checklistItems").asInt()).isZero();
        assertThat(first.get("placeholders").toString()).isEqualTo("[\"<commit-hash>\"]");
        assertThat(first.get("dangers").get(0).asText()).startsWith("discards uncommitted changes");
        JsonNode second = json.get("steps").get(1);
        assertThat(second.get("budget").isNull()).isTrue();
        assertThat(second.get("checklistItems").asInt()).isEqualTo(2);
        assertThat(run.err()).contains("warning:");
    }
}
