package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #22 a second window joins the drill another console runs: which drill folder counts as running. */
class RunningDrillTest {
    @TempDir
    Path tmp;

    private Path folder(String name, DrillPidFile record, boolean inventory, Instant written) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(StaleDrills.PREFIX + name));
        record.write(dir);
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:2222 ecdsa-sha2-nistp256 AAAA\n");
        if (inventory) {
            Path inv = Files.writeString(dir.resolve("inventory.yaml"), "environment: drill\n");
            Files.setLastModifiedTime(inv, FileTime.from(written));
        }
        return dir;
    }

    @Test
    void the_newest_live_drill_with_its_inventory_written_is_the_one_joined() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant now = Instant.now();
        folder("dead-owner", new DrillPidFile(gone.pid(), null, null, null), true, now);
        folder("still-starting", DrillPidFile.ofCurrentProcess(), false, now);
        Path older = folder("older", DrillPidFile.ofCurrentProcess(), true, now.minusSeconds(600));
        Path newest = folder("newest", DrillPidFile.ofCurrentProcess(), true, now.minusSeconds(60));

        RunningDrill found = RunningDrill.find(tmp).orElseThrow();

        assertThat(found.root()).isEqualTo(newest);
        assertThat(found.inventory()).isEqualTo(newest.resolve("inventory.yaml"));
        assertThat(found.knownHosts()).isEqualTo(newest.resolve("known_hosts"));
        assertThat(older).exists();
    }

    @Test
    void no_live_drill_is_none() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        folder("dead-owner", new DrillPidFile(gone.pid(), null, null, null), true, Instant.now());
        Files.createDirectory(tmp.resolve("not-a-drill"));

        assertThat(RunningDrill.find(tmp)).isEmpty();
    }
}
