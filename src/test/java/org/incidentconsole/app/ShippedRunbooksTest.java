package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedRunbooksTest {
    @AfterEach
    void forgetTheFolder() {
        System.clearProperty(ShippedRunbooks.PROPERTY);
    }

    @Test
    void the_installed_app_lists_the_runbooks_in_the_folder_its_launcher_names(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b-safe-mode.md"), "# B\n");
        Files.writeString(dir.resolve("a-rollback.md"), "# A\n");
        Files.writeString(dir.resolve("notes.txt"), "not a runbook\n");
        System.setProperty(ShippedRunbooks.PROPERTY, dir.toString());

        assertThat(ShippedRunbooks.list())
                .containsExactly(dir.resolve("a-rollback.md"), dir.resolve("b-safe-mode.md"));
    }

    @Test
    void from_the_source_tree_it_lists_runbooks_in_the_working_directory() {
        assertThat(ShippedRunbooks.list()).extracting(p -> p.getFileName().toString())
                .contains("emergency-rollback.md", "safe-mode.md", "breaker-recovery.md", "verification.md");
    }

    @Test
    void a_missing_folder_gives_an_empty_list(@TempDir Path dir) {
        System.setProperty(ShippedRunbooks.PROPERTY, dir.resolve("gone").toString());
        assertThat(ShippedRunbooks.list()).isEmpty();
    }
}
