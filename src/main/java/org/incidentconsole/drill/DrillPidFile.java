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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a drill folder records about the processes that own it: the console's JVM and the drill's two
 * redis-servers (the breaker Redis and the coordination Redis), each with its pid and start time (a pid alone may
 * be reused by an unrelated process after a crash), and each redis-server's binary and port. Written atomically,
 * first with the owner alone, again as each Redis runs.
 *
 * @param redis        the breaker Redis, null until it runs (or when it could not be told among the children)
 * @param coordination the coordination Redis, null likewise (and in the files of drills before it)
 */
record DrillPidFile(long ownerPid, Instant ownerStart, Server redis, Server coordination) {
    static final String FILE = "drill.pid";
    /** The file of drills before this one: the owner's pid alone; still written, so they spare live drills. */
    static final String LEGACY_FILE = "pid";
    private static final String MARKER = "incident-console-drill";
    /** The properties' prefixes of the redis-servers, in the order they start. */
    static final String REDIS = "redis";
    static final String COORDINATION = "coordination";

    /**
     * One redis-server of the drill; {@code start}, {@code command} or {@code port} may be missing in a file
     * written by hand or by an older drill, and then nothing is ever signalled.
     */
    record Server(long pid, Instant start, String command, Integer port) {
        static Server of(ProcessHandle process, String command, int port) {
            return new Server(process.pid(), process.info().startInstant().orElse(null), command, port);
        }
    }

    static DrillPidFile ofCurrentProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new DrillPidFile(self.pid(), self.info().startInstant().orElse(null), null, null);
    }

    DrillPidFile withRedis(ProcessHandle process, String command, int port) {
        return new DrillPidFile(ownerPid, ownerStart, Server.of(process, command, port), coordination);
    }

    DrillPidFile withCoordination(ProcessHandle process, String command, int port) {
        return new DrillPidFile(ownerPid, ownerStart, redis, Server.of(process, command, port));
    }

    /** The redis-servers recorded, the breaker Redis first. */
    List<Server> servers() {
        return Stream.of(redis, coordination).filter(Objects::nonNull).toList();
    }

    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("drill", MARKER);
        p.setProperty("owner.pid", String.valueOf(ownerPid));
        put(p, "owner.start", ownerStart);
        putServer(p, REDIS, redis);
        putServer(p, COORDINATION, coordination);
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
                return Optional.of(new DrillPidFile(pid, null, null, null));
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
                    server(p, REDIS), server(p, COORDINATION)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Server server(Properties p, String prefix) {
        String pid = p.getProperty(prefix + ".pid");
        if (pid == null) {
            return null;
        }
        String port = p.getProperty(prefix + ".port");
        return new Server(Long.parseLong(pid), instant(p, prefix + ".start"), p.getProperty(prefix + ".command"),
                port == null ? null : Integer.valueOf(port));
    }

    private static void putServer(Properties p, String prefix, Server server) {
        if (server != null) {
            p.setProperty(prefix + ".pid", String.valueOf(server.pid()));
            put(p, prefix + ".start", server.start());
            put(p, prefix + ".command", server.command());
            put(p, prefix + ".port", server.port());
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
