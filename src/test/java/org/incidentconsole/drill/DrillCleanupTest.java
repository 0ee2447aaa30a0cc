package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill in a child JVM (its own temp folder, so drills of other test runs on the machine are not involved):
 * killed with SIGKILL, its two redis-servers (breakers, coordination) and folder are removed by the next cleanup;
 * alive, it is left alone.
 */
class DrillCleanupTest {
    private static final long READY_SECONDS = 180;

    @TempDir
    Path tmp;

    private record Child(Process process, BufferedReader out, Path root, long redisPid, long coordinationPid) {
    }

    private Child startDrillInChildJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), DrillCrashChild.class.getName());
        pb.redirectError(tmp.resolve("child-stderr.log").toFile());
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(READY_SECONDS, TimeUnit.SECONDS);
        assertThat(ready).as("the child drill reports ready (stderr in %s)", tmp.resolve("child-stderr.log"))
                .startsWith("READY ");
        String[] parts = ready.split(" ");
        return new Child(process, out, Path.of(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
    }

    private static String readLine(BufferedReader out) {
        try {
            return out.readLine();
        } catch (IOException e) {
            return "child output failed: " + e;
        }
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void awaitExit(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_drill_killed_with_sigkill_leaves_redis_servers_and_a_folder_that_the_next_cleanup_removes()
            throws Exception {
        Child child = startDrillInChildJvm();
        assertThat(running(child.redisPid())).as("the drill's redis-server runs").isTrue();
        assertThat(running(child.coordinationPid())).as("and its coordination redis-server").isTrue();
        assertThat(child.coordinationPid()).isNotEqualTo(child.redisPid());

        child.process().destroyForcibly();
        assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(running(child.redisPid())).as("SIGKILL leaves the redis-server running").isTrue();
        assertThat(running(child.coordinationPid())).as("and the coordination redis-server").isTrue();
        assertThat(child.root()).as("and the folder").isDirectory();

        long started = System.nanoTime();
        List<Path> removed = DrillEnvironment.removeStale(tmp);
        long cleanupMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(removed).containsExactly(child.root());
        awaitExit(child.redisPid());
        awaitExit(child.coordinationPid());
        System.out.println("drill cleanup after SIGKILL: redis-server pids " + child.redisPid() + " and "
                + child.coordinationPid() + " stopped and folder removed in " + cleanupMs + " ms, exits seen after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertThat(running(child.redisPid())).as("the orphaned redis-server is stopped").isFalse();
        assertThat(running(child.coordinationPid())).as("the orphaned coordination redis-server is stopped")
                .isFalse();
        assertThat(child.root()).as("the folder is removed").doesNotExist();
        assertThat(tmp.resolve("child-stderr.log")).as("nothing else in the temp folder is touched").exists();
    }

    @Test
    void a_live_drill_in_another_process_is_left_alone_and_cleans_up_after_itself() throws Exception {
        Child child = startDrillInChildJvm();
        try {
            List<Path> removed = DrillEnvironment.removeStale(tmp);

            assertThat(removed).isEmpty();
            assertThat(child.root()).isDirectory();
            assertThat(running(child.redisPid())).isTrue();
            assertThat(running(child.coordinationPid())).isTrue();
        } finally {
            try (OutputStream in = child.process().getOutputStream()) {
                in.write('\n');
            }
        }
        assertThat(CompletableFuture.supplyAsync(() -> readLine(child.out())).get(60, TimeUnit.SECONDS))
                .isEqualTo("CLOSED");
        assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitExit(child.redisPid());
        awaitExit(child.coordinationPid());
        assertThat(running(child.redisPid())).isFalse();
        assertThat(running(child.coordinationPid())).isFalse();
        assertThat(child.root()).doesNotExist();
    }

    @Test
    void the_drill_writes_its_pid_file_with_its_processes_and_each_redis_binary_of_its_own() throws Exception {
        Path previous = Path.of(System.getProperty("java.io.tmpdir"));
        try (DrillEnvironment drill = DrillEnvironment.start(true)) {
            DrillPidFile record = DrillPidFile.read(drill.root()).orElseThrow();
            assertThat(drill.root().getFileName().toString()).startsWith("incident-console-drill-");
            assertThat(drill.root().getParent()).isEqualTo(previous);
            assertThat(record.ownerPid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(record.ownerStart()).isEqualTo(ProcessHandle.current().info().startInstant().orElse(null));
            assertThat(record.servers()).hasSize(2).allSatisfy(server -> {
                assertThat(Path.of(server.command())).startsWith(drill.root().toRealPath());
                assertThat(StaleDrills.isDrillRedis(ProcessHandle.of(server.pid()).orElseThrow(), drill.root(),
                        server)).as("the recorded redis-server is recognised as the drill's").isTrue();
            });
            assertThat(record.redis().port()).isEqualTo(drill.redisPort());
            assertThat(record.coordination().port()).isEqualTo(drill.coordinationPort());
            assertThat(record.coordination().command()).as("a binary of its own").isNotEqualTo(
                    record.redis().command());
        }
    }

    @Test
    void a_folder_in_the_making_without_a_pid_file_is_kept_until_it_is_old() throws Exception {
        Path starting = Files.createDirectory(tmp.resolve(StaleDrills.PREFIX + "starting"));
        Path abandoned = Files.createDirectory(tmp.resolve(StaleDrills.PREFIX + "abandoned"));
        Files.setLastModifiedTime(abandoned, FileTime.from(
                Instant.now().minus(StaleDrills.STARTING).minusSeconds(60)));
        Path other = Files.createDirectory(tmp.resolve("not-a-drill"));

        assertThat(DrillEnvironment.removeStale(tmp)).containsExactly(abandoned);
        assertThat(starting).isDirectory();
        assertThat(other).isDirectory();
    }
}
