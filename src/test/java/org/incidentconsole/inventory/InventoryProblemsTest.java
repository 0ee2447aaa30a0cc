package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One read lists every problem of the file with its line, column and field, not only the first. */
class InventoryProblemsTest {
    @TempDir
    Path dir;

    @Test
    void every_unknown_field_and_every_broken_host_is_listed_in_the_files_order() throws Exception {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, """
                environment: staging
                hosts:
                  - {name: web-01, address: 10.0.0.1, prot: 22}
                  - {name: web-02, address: 10.0.0.2, port: 70000}
                  - {name: web-03, address: 10.0.0.3}
                  - {name: web-04, adress: 10.0.0.4}
                """);
        InventoryException e = catchProblem(file);
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.field())
                .containsExactly("3:39 hosts[0].prot", "4:45 port", "6:5 address", "6:20 hosts[3].adress");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.getMessage()).startsWith(file + ":"));
        assertThat(e.getMessage()).as("the first problem found stays the message")
                .startsWith(file + ":3:39: 'hosts[0].prot': unknown field 'prot'");
    }

    @Test
    void a_file_with_one_problem_lists_just_that_one() throws Exception {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, "environment: staging\nhosts:\n  - {name: web-01, address: 10.0.0.1, port: 0}\n");
        InventoryException e = catchProblem(file);
        assertThat(e.problems()).containsExactly(e);
        assertThat(e.getMessage()).contains(":3:").contains("port out of range");
    }

    private InventoryException catchProblem(Path file) {
        return (InventoryException) assertThatThrownBy(() -> new InventoryLoader(dir).load(file))
                .isInstanceOf(InventoryException.class).actual();
    }
}
