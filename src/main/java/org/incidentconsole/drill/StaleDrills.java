package org.incidentconsole.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what drills killed with SIGKILL left behind: their redis-servers (the breaker Redis and the
 * coordination Redis) and their folder. A folder is stale
 * only when its pid file names an owner that is gone (no process with that pid, or one that started at another
 * time: the pid was reused). Each redis-server is stopped only when the pid it records is still that process: the
 * same start time and the binary inside that very folder with the recorded port. Nothing else is ever signalled.
 */
final class StaleDrills {
    static final String PREFIX = "incident-console-drill-";
    /** A folder without a readable pid file younger than this may be a drill starting right now. */
    static final Duration STARTING = Duration.ofMinutes(10);
    /** Start times read from /proc are in clock ticks; the same process reads the same instant within this. */
    private static final Duration SAME_START = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(StaleDrills.class);

    private StaleDrills() {
    }

    /** Cleans the drill folders in {@code tmp}; answers the folders removed. */
    static List<Path> removeIn(Path tmp) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (isStale(dir)) {
                    removed.add(dir);
                    remove(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look for stale drill folders in {}: {}", tmp, e.getMessage());
        }
        return removed;
    }

    private static boolean isStale(Path dir) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return false;
            }
            Optional<DrillPidFile> record = DrillPidFile.read(dir);
            if (record.isEmpty()) {
                Instant modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
                return modified.isBefore(Instant.now().minus(STARTING));
            }
            return !alive(record.get().ownerPid(), record.get().ownerStart());
        } catch (IOException e) {
            LOG.debug("drill folder {} cannot be inspected: {}", dir, e.getMessage());
            return false;
        }
    }

    /** Whether the process is running and, when its start was recorded, is the one that started then. */
    static boolean alive(long pid, Instant recordedStart) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = handle.get().info().startInstant();
        return recordedStart == null || start.isEmpty() || sameStart(start.get(), recordedStart);
    }

    private static void remove(Path dir) {
        LOG.info("Removing the folder of an earlier drill that did not end cleanly: {}", dir);
        DrillPidFile.read(dir).ifPresent(record -> stopRedis(dir, record));
        delete(dir);
    }

    private static void stopRedis(Path dir, DrillPidFile record) {
        record.servers().forEach(server -> stopRedis(dir, server));
    }

    private static void stopRedis(Path dir, DrillPidFile.Server server) {
        Optional<ProcessHandle> redis = ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive);
        if (redis.isEmpty()) {
            return;
        }
        if (!isDrillRedis(redis.get(), dir, server)) {
            LOG.info("pid {} recorded by {} is no longer its redis-server; left alone", server.pid(), dir);
            return;
        }
        LOG.info("Stopping the redis-server (pid {}, port {}) of the earlier drill in {}", server.pid(),
                server.port(), dir);
        redis.get().destroyForcibly();
        try {
            redis.get().onExit().get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("redis-server pid {} of {} has not exited yet", server.pid(), dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Same start time, the binary inside this folder, and the port recorded for it. */
    static boolean isDrillRedis(ProcessHandle process, Path dir, DrillPidFile.Server server) {
        ProcessHandle.Info info = process.info();
        if (server.start() == null || server.command() == null || server.port() == null
                || info.startInstant().isEmpty() || !sameStart(info.startInstant().get(), server.start())) {
            return false;
        }
        try {
            Path binary = Path.of(server.command());
            if (!binary.startsWith(dir.toRealPath()) || !info.command().map(binary.toString()::equals).orElse(false)) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return listensOn(commandLine(process), server.port());
    }

    /**
     * The command line as the process shows it now. redis-server rewrites it in place ("binary host:port"), which
     * ProcessHandle.Info does not show (it answers the binary alone), so on Linux it is read from /proc.
     */
    private static String commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().orElse("");
        }
    }

    /** redis-server rewrites its command line to "binary host:port"; before that it reads "binary --port N …". */
    static boolean listensOn(String commandLine, int port) {
        List<String> words = List.of(commandLine.split("\\s+"));
        int flag = words.indexOf("--port");
        return flag >= 0 && flag + 1 < words.size() && words.get(flag + 1).equals(String.valueOf(port))
                || words.stream().anyMatch(w -> w.endsWith(":" + port));
    }

    private static boolean sameStart(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(SAME_START) <= 0;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", p);
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }
}
