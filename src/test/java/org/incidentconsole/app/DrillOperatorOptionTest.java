package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code drill --operator NAME}: who signs an unattended walk; the OS user unless named. */
class DrillOperatorOptionTest {
    @TempDir
    Path dir;

    private DrillCommand parsed(String... args) {
        DrillCommand command = new DrillCommand(new AppHome(dir.resolve("home")));
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void the_operator_is_the_os_user_unless_named() {
        assertThat(parsed("--run", "runbooks/emergency-rollback.md").operator)
                .isEqualTo(System.getProperty("user.name"));
        assertThat(parsed("--run", "runbooks/emergency-rollback.md", "--operator", "jana").operator).isEqualTo("jana");
    }

    @Test
    void a_blank_operator_is_one_sentence_and_no_drill_is_started() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.cli(new AppHome(dir.resolve("home")));
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int exit = cli.execute("drill", "--run", "runbooks/emergency-rollback.md", "--operator", " ");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("--operator needs a name");
    }
}
