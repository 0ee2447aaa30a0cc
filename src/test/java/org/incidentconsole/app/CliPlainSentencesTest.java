package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad runbooks give the operator one sentence with file:line from lint and from a drill walk, never a stack trace. */
class CliPlainSentencesTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.cli(new AppHome(dir.resolve("home")));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            block quotes  | '>'  | 100000 | 100000
            bullet lists  | '- ' | 20000  | 20000
            ordered lists | '1. '| 20000  | 20000
            quoted lists  | '> - '| 20000 | 40000
            """)
    void deep_nesting_is_one_sentence_with_the_line_for_lint_and_drill(String kind, String unit, int times, int levels)
            throws Exception {
        Path file = write("deep.md", "# Deep\n\n" + unit.repeat(times) + "x\n");
        String sentence = file + ":3: nesting deeper than 100 levels (" + levels + " levels of quotes or lists)";

        Run lint = cli("lint", file.toString());
        Run drill = cli("drill", "--run", file.toString());

        assertThat(lint.exit()).isEqualTo(1);
        assertThat(lint.err().strip()).isEqualTo(sentence);
        assertThat(drill.exit()).isEqualTo(2);
        assertThat(drill.err().strip()).isEqualTo(sentence);
        assertThat(lint.all() + drill.all()).doesNotContain("Exception", "Error", "\tat ");
    }

    @Test
    void an_empty_suggestion_is_a_lint_warning() throws Exception {
        Path file = write("empty.md", """
                ---
                variables:
                  release_tag:
                    suggest: ""
                ---
                # R
                ## Show (1 minute)
                ```bash
                echo {{release_tag}}
                ```
                """);
        Run lint = cli("lint", file.toString());
        assertThat(lint.exit()).isZero();
        assertThat(lint.out()).isEqualTo(file + ":3: warning: variable 'release_tag': empty 'suggest:', nothing to run"
                + System.lineSeparator());
    }

    @Test
    void a_drill_walk_whose_suggestions_give_nothing_ends_with_one_sentence_per_variable() throws Exception {
        Path file = write("nothing.md", """
                ---
                variables:
                  release_tag:
                    suggest: "true"
                  app_dir:
                    default: /srv/app
                  second_ref:
                    suggest: git -C {{app_dir}} tag --list 'does-not-exist-*'
                ---
                # R
                ## Show (1 minute)
                ```bash
                echo {{release_tag}} {{second_ref}}
                ```
                """);

        Run drill = cli("drill", "--run", file.toString());

        assertThat(drill.exit()).as(drill.all()).isEqualTo(1);
        assertThat(drill.out()).contains(file + ":3: variable release_tag has no value: its suggestion gave nothing.")
                .contains(file + ":7: variable second_ref has no value: its suggestion gave nothing.")
                .contains("Drill ended UNHEALTHY");
        assertThat(drill.all()).doesNotContain("Exception", "\tat ");
    }
}
