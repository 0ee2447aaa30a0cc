package org.incidentconsole.ui.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.inventory.InventoryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The problems panel's model, without the toolkit: every problem with its place, Reload once at a time. */
class InventoryProblemsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void every_problem_of_a_real_read_is_a_row_with_place_field_and_sentence() throws Exception {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, "environment: staging\nhosts:\n  - {name: a, adress: x}\n  - {name: b}\n");
        InventoryException e = catchThrowableOfType(() -> new InventoryLoader(dir).load(file),
                InventoryException.class);
        InventoryProblemsViewModel model = new InventoryProblemsViewModel();
        model.show(e);
        assertThat(model.problems()).extracting(InventoryProblemsViewModel.Problem::where)
                .containsExactly(file + ":3:5", file + ":3:15", file + ":4:5");
        assertThat(model.problems()).extracting(InventoryProblemsViewModel.Problem::field)
                .containsExactly("address", "hosts[0].adress", "address");
        assertThat(model.problems().get(1).text()).startsWith("unknown field 'adress'");
        assertThat(model.headingProperty().get()).startsWith("The inventory has 3 problems");

        model.loaded("Inventory reloaded 10:00:00: 0 hosts added, 0 hosts removed, 0 hosts changed.");
        assertThat(model.problems()).isEmpty();
        assertThat(model.headingProperty().get()).isEmpty();
    }

    @Test
    void reload_runs_once_until_the_read_answers() {
        InventoryProblemsViewModel model = new InventoryProblemsViewModel();
        AtomicInteger reads = new AtomicInteger();
        model.onReload(reads::incrementAndGet);
        model.reload();
        model.reload();
        assertThat(reads).hasValue(1);
        assertThat(model.reloadingProperty().get()).isTrue();
        model.refused("Not reloaded: the file now describes production.");
        assertThat(model.reloadingProperty().get()).isFalse();
        model.reload();
        assertThat(reads).hasValue(2);
    }
}
