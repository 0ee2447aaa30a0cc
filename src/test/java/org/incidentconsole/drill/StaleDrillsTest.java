package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.drill.DrillPidFile.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards of the cleanup against pid reuse and forged pid files: an unrelated process (a {@code sleep}) that
 * a pid file names as owner or as redis-server is never signalled, and a live owner keeps its folder.
 */
class StaleDrillsTest {
    @TempDir
    Path tmp;

    private Process unrelated;
    private ProcessHandle unrelatedHandle;
    private long deadPid;

    @BeforeEach
    void startUnrelatedProcess() throws Exception {
        unrelated = new ProcessBuilder("sleep", "600").start();
        unrelatedHandle = unrelated.toHandle();
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        deadPid = gone.pid();
    }

    @AfterEach
    void stopUnrelatedProcess() throws Exception {
        unrelated.destroyForcibly();
        unrelated.waitFor(30, TimeUnit.SECONDS);
    }

    private Path drillFolder(String name, DrillPidFile record) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(StaleDrills.PREFIX + name));
        Files.createDirectories(dir.resolve("redis"));
        record.write(dir);
        return dir;
    }

    private Instant unrelatedStart() {
        return unrelatedHandle.info().startInstant().orElseThrow();
    }

    @Test
    void a_dead_drill_whose_redis_pid_now_belongs_to_another_program_has_its_folder_removed_and_nothing_killed()
            throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(StaleDrills.PREFIX + "reused"));
        new DrillPidFile(deadPid, Instant.now(), new Server(unrelated.pid(), unrelatedStart(),
                dir.toRealPath().resolve("redis/redis-server").toString(), 6379), new Server(unrelated.pid(),
                unrelatedStart(), dir.toRealPath().resolve("coordination/redis-server").toString(), 6380)).write(dir);

        assertThat(DrillEnvironment.removeStale(tmp)).containsExactly(dir);

        assertThat(unrelated.isAlive()).as("the process now holding the pid is not the drill's redis").isTrue();
        assertThat(dir).doesNotExist();
    }

    @Test
    void a_pid_file_naming_a_binary_outside_its_folder_gets_nothing_killed() throws Exception {
        String sleep = unrelatedHandle.info().command().orElseThrow();
        Path dir = drillFolder("forged", new DrillPidFile(deadPid, Instant.now(), null,
                new Server(unrelated.pid(), unrelatedStart(), sleep, 6379)));

        assertThat(StaleDrills.isDrillRedis(unrelatedHandle, dir, DrillPidFile.read(dir).orElseThrow().coordination()))
                .isFalse();
        assertThat(DrillEnvironment.removeStale(tmp)).containsExactly(dir);
        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void an_owner_pid_reused_by_a_process_that_started_later_counts_as_gone_and_that_process_is_left_alone()
            throws Exception {
        Path dir = drillFolder("owner-reused", new DrillPidFile(unrelated.pid(), unrelatedStart().minusSeconds(3600),
                null, null));

        assertThat(DrillEnvironment.removeStale(tmp)).containsExactly(dir);
        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void a_live_owner_keeps_its_folder_whether_its_pid_file_is_new_or_from_an_older_drill() throws Exception {
        Path current = drillFolder("live", DrillPidFile.ofCurrentProcess());
        Path legacy = Files.createDirectory(tmp.resolve(StaleDrills.PREFIX + "legacy"));
        Files.writeString(legacy.resolve(DrillPidFile.LEGACY_FILE), String.valueOf(ProcessHandle.current().pid()));
        Path legacyDead = Files.createDirectory(tmp.resolve(StaleDrills.PREFIX + "legacy-dead"));
        Files.writeString(legacyDead.resolve(DrillPidFile.LEGACY_FILE), String.valueOf(deadPid));

        assertThat(DrillEnvironment.removeStale(tmp)).containsExactly(legacyDead);
        assertThat(current).isDirectory();
        assertThat(legacy).isDirectory();
    }
}
