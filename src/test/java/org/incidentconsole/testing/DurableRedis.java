package org.incidentconsole.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (embedded-redis's binary) with a data folder, that a test can SIGKILL and start again on
 * the same port: with an append-only file fsynced on every write (what was acknowledged survives the kill), or
 * with only the snapshot a test takes ({@link #snapshot()}), so a restart comes back from an older data file.
 */
public final class DurableRedis implements AutoCloseable {
    private final Path dir;
    private final String binary;
    private final boolean appendOnly;
    private final int port;
    private Process process;

    private DurableRedis(Path dir, boolean appendOnly) throws IOException {
        this.dir = Files.createDirectories(dir).toRealPath();
        this.binary = ExecutableProvider.newJarResourceProvider(Files.createDirectories(dir.resolve("bin")).toFile())
                .get().toPath().toRealPath().toString();
        this.appendOnly = appendOnly;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = free.getLocalPort();
        }
        start();
    }

    /** Every acknowledged write is in the append-only file (appendfsync always) before its reply. */
    public static DurableRedis appendOnly(Path dir) throws IOException {
        return new DurableRedis(dir, true);
    }

    /** No append-only file and no automatic snapshots: a restart loads what the last {@link #snapshot()} saved. */
    public static DurableRedis snapshotsOnly(Path dir) throws IOException {
        return new DurableRedis(dir, false);
    }

    public int port() {
        return port;
    }

    /** Starts the server on its port and data folder; returns once it accepts connections. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is already running");
        }
        process = new ProcessBuilder(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--dbfilename", "dump.rdb", "--save", "",
                "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always"))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.contains("Ready to accept connections")) {
                Thread drain = new Thread(() -> drain(out), "redis-" + port + "-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IOException("redis-server on port " + port + " did not start: " + String.join("\n", lines));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the server's log is not needed once it is up; reading keeps its pipe from filling
            }
        } catch (IOException e) {
            // the server was killed
        }
    }

    /** SIGKILL: no shutdown save, no goodbye to clients. Returns once the process is gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SAVE: the data file now holds the data as it is, and a restart without append-only file comes back to it. */
    public void snapshot() {
        try (Jedis j = direct()) {
            j.save();
        }
    }

    public Jedis direct() {
        return new Jedis("127.0.0.1", port);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
