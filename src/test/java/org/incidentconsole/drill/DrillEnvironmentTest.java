package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.incidentconsole.inventory.InventoryLoader;
import org.junit.jupiter.api.Test;

class DrillEnvironmentTest {
    @Test
    void a_folder_left_by_a_crashed_drill_is_removed_by_the_next_and_the_drill_removes_its_own() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createTempDirectory(tmp, "incident-console-drill-");
        Files.writeString(stale.resolve("pid"), String.valueOf(gone.pid()));
        Files.createDirectories(stale.resolve("host/app"));

        Path root;
        try (DrillEnvironment drill = DrillEnvironment.start(true)) {
            root = drill.root();
            assertThat(stale).as("the crashed drill's folder").doesNotExist();
            assertThat(Files.readString(drill.inventory())).contains("environment: drill");
            assertThat(new InventoryLoader(drill.root()).load(drill.inventory()).hosts())
                    .as("the drill's inventory passes the inventory's rules").hasSize(1);
            assertThat(drill.appHealthy()).as("the newest deploy is broken").isFalse();
        }
        assertThat(root).as("the drill removes its own folder").doesNotExist();
    }
}
