package org.incidentconsole.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and deeply nested shell: the engine answers, or throws its own located exception, never anything else. */
class ShellParserFuzzTest {
    private static final String[] PIECES = {"rm", " -rf", " /", "sudo ", "bash -c ", "sh -c '", "'", "\"", "$(", ")",
        "`", "<<EOF\n", "\nEOF\n", "<<'X'\n", "\nX\n", " | ", " && ", " || ", ";", "\n", "\\\n", "#", " # danger: x",
        "redis-cli ", "FLUSHALL", "psql -c \"", "DROP TABLE t", "ssh h ", "kubectl exec p -- ", "(", "{", "}", "if ",
        "then ", "fi", "for i in 1; do ", "done", "${", "}", "[[", "]]", "\u00e9", "\ud83d\ude00", "\ud800", "\0", "\t",
        " > /etc/x", " <<< ", "case x in", " a) ;;", "esac", "$((", "))", "=", "x", "'$'", "\\"};

    @Test
    void random_shell_never_throws_anything_but_a_located_shell_exception() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 400; round++) {
            StringBuilder script = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                script.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = script.toString();
            try {
                Analysis analysis = ShellParser.analyse(text);
                DangerTable.findings(analysis);
                for (SimpleCommand c : analysis.commands()) {
                    assertThat(c.line()).as("seed %d: %s", seed, text).isBetween(1, text.split("\n", -1).length);
                }
            } catch (ShellException e) {
                assertThat(e.line()).as("seed %d", seed).isPositive();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + " on " + text.replace("\n", "\\n") + ": " + e, e);
            }
        }
    }

    @Test
    void deeply_nested_substitutions_and_subshells_are_analysed_without_overflowing_the_stack() {
        String substitutions = "echo " + "$(".repeat(3000) + "rm -rf /x" + ")".repeat(3000);
        String subshells = "( ".repeat(300) + "sudo reboot" + " )".repeat(300);
        assertThat(DangerTable.findings(ShellParser.analyse(substitutions))).extracting(f -> f.rule().kind())
                .containsExactly(DangerKind.MASS_DELETE);
        assertThat(DangerTable.findings(ShellParser.analyse(subshells))).extracting(f -> f.rule().kind())
                .containsExactly(DangerKind.SERVICE_DISRUPTION);
    }

    @Test
    void shells_nested_deeper_than_the_limit_are_refused_with_the_line() {
        String script = "true\n" + "bash <<'E'\n".repeat(ShellParser.MAX_NESTING + 2) + "reboot\n";
        assertThatCode(() -> ShellParser.analyse(script)).isInstanceOf(ShellException.class)
                .hasMessageContaining("nested deeper than " + ShellParser.MAX_NESTING);
    }

    @Test
    void a_text_the_grammar_cannot_read_is_analysed_as_far_as_it_parsed() {
        Analysis analysis = ShellParser.analyse("redis-cli FLUSHALL\nfi ) done esac ;; }\n");
        assertThat(DangerTable.findings(analysis)).extracting(f -> f.command().line()).contains(1);
    }
}
