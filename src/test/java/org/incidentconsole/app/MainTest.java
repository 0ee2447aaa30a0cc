package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final AppHome home = AppHome.resolve(Map.of(), "/home/op");

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main(home));
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void version_names_the_build() {
        assertThat(run("--version")).startsWith("incident-console ").doesNotContain("unknown")
                .doesNotContain("${project.version}");
    }

    @Test
    void help_lists_the_inventory_option() {
        assertThat(run("--help")).contains("--inventory=PATH").contains("--version");
    }

    @Test
    void the_launch_measurement_option_is_parsed_but_not_advertised() {
        Main main = new Main(home);
        new CommandLine(main).parseArgs("--exit-after-first-frame");
        assertThat(main.exitAfterFirstFrame).isTrue();
        assertThat(run("--help")).doesNotContain("first-frame");
    }

    @Test
    void the_inventory_option_is_parsed() {
        Main main = new Main(home);
        new CommandLine(main).parseArgs("--inventory", "/tmp/inv.yaml");
        assertThat(main.inventory).isEqualTo(Path.of("/tmp/inv.yaml"));
    }
}
