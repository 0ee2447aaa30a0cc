package org.incidentconsole.drill;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * What a drill folder records about the processes that own it: the console's JVM and the drill's redis-server,
 * each with its pid and start time (a pid alone may be reused by an unrelated process after a crash), and the
 * redis-server's binary and port. Written atomically, first with the owner alone, again once Redis runs.
 */
record DrillPidFile(long ownerPid, Instant ownerStart, Long redisPid, Instant redisStart, String redisCommand,
                    Integer redisPort) {
    static final String FILE = "drill.pid";
    /** The file of drills before this one: the owner's pid alone; still written, so they spare live drills. */
    static final String LEGACY_FILE = "pid";
    private static final String MARKER = "incident-console-drill";

    static DrillPidFile ofCurrentProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new DrillPidFile(self.pid(), self.info().startInstant().orElse(null), null, null, null, null);
    }

    DrillPidFile withRedis(ProcessHandle redis, String command, int port) {
        return new DrillPidFile(ownerPid, ownerStart, redis.pid(), redis.info().startInstant().orElse(null), command,
                port);
    }

    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("drill", MARKER);
        p.setProperty("owner.pid", String.valueOf(ownerPid));
        put(p, "owner.start", ownerStart);
        put(p, "redis.pid", redisPid);
        put(p, "redis.start", redisStart);
        put(p, "redis.command", redisCommand);
        put(p, "redis.port", redisPort);
        StringWriter text = new StringWriter();
        p.store(text, "An incident-console drill; the next drill removes this folder once the owner is gone");
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, text.toString());
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(LEGACY_FILE), String.valueOf(ownerPid));
    }

    /** The folder's record; empty when it has none that can be read (a drill starting, or not a drill). */
    static Optional<DrillPidFile> read(Path dir) {
        try {
            Path file = dir.resolve(FILE);
            if (Files.isRegularFile(file)) {
                return parse(new StringReader(Files.readString(file)));
            }
            Path legacy = dir.resolve(LEGACY_FILE);
            if (Files.isRegularFile(legacy)) {
                long pid = Long.parseLong(Files.readString(legacy).strip());
                return Optional.of(new DrillPidFile(pid, null, null, null, null, null));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<DrillPidFile> parse(Reader text) throws IOException {
        Properties p = new Properties();
        p.load(text);
        if (!MARKER.equals(p.getProperty("drill")) || p.getProperty("owner.pid") == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DrillPidFile(Long.parseLong(p.getProperty("owner.pid")), instant(p, "owner.start"),
                    p.getProperty("redis.pid") == null ? null : Long.valueOf(p.getProperty("redis.pid")),
                    instant(p, "redis.start"), p.getProperty("redis.command"),
                    p.getProperty("redis.port") == null ? null : Integer.valueOf(p.getProperty("redis.port"))));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null ? null : Instant.parse(value);
    }

    private static void put(Properties p, String key, Object value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }
}
