package org.incidentconsole.drill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The drill host's files: a real git repository of a small app with three releases (the newest is the broken
 * deploy, the one before is tagged stable), the shims on its PATH, its log, and a state folder where the shims
 * note what the operator did.
 */
final class DrillSandbox {
    static final String STABLE_TAG = "release-2026.11.2";
    static final String BROKEN_VERSION = "2026.11.3";
    static final List<String> SHIMS = List.of("php", "systemctl", "sudo", "redis-cli", "curl", "sleep");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    final Path home;
    final Path app;
    final Path bin;
    final Path state;
    final Path log;

    private DrillSandbox(Path home) {
        this.home = home;
        this.app = home.resolve("app");
        this.bin = home.resolve("bin");
        this.state = home.resolve("state");
        this.log = app.resolve("storage/logs/laravel.log");
    }

    static DrillSandbox create(Path home) throws IOException, InterruptedException {
        DrillSandbox s = new DrillSandbox(home);
        Files.createDirectories(s.bin);
        Files.createDirectories(s.state);
        Files.createDirectories(s.app.resolve("storage/logs"));
        s.installShims();
        s.createRepository();
        s.seedLog();
        return s;
    }

    private void installShims() throws IOException {
        for (String shim : SHIMS) {
            Path target = bin.resolve(shim);
            try (InputStream in = DrillSandbox.class.getResourceAsStream("shims/" + shim)) {
                if (in == null) {
                    throw new IOException("drill shim missing from the build: " + shim);
                }
                Files.copy(in, target);
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private void createRepository() throws IOException, InterruptedException {
        git("init", "-q", "-b", "main");
        Files.writeString(app.resolve(".gitignore"), "storage/\n");
        release("2026.11.1", "Bookings through the Cal.com API", null);
        release("2026.11.2", "Retry Cal.com calls with backoff", STABLE_TAG);
        release(BROKEN_VERSION, "Move booking code into BookingService (broken: class not autoloaded)", null);
    }

    private void release(String version, String message, String tag) throws IOException, InterruptedException {
        Files.writeString(app.resolve("VERSION"), version + "\n");
        Files.writeString(app.resolve("routes.php"), "<?php\n// release " + version + "\nRoute::get('/api/health', "
                + "HealthController::class);\n");
        git("add", ".gitignore", "VERSION", "routes.php");
        git("commit", "-q", "-m", message);
        if (tag != null) {
            git("tag", tag);
        }
    }

    private void seedLog() throws IOException {
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        for (int i = 30; i > 0; i--) {
            String at = LOG_TIME.format(now.minusSeconds(i * 10L));
            lines.add(i % 3 == 0 ? "[" + at + "] production.ERROR: Class \"App\\Services\\BookingService\" not found"
                    : "[" + at + "] production.INFO: GET /api/slots 200");
        }
        lines.add("[" + LOG_TIME.format(now) + "] production.ERROR: booking failed for customer"
                + " maria.schmidt@example.org (BookingService missing)");
        Files.write(log, lines);
    }

    /** Appends a line to the app's log, as the app does on every request. */
    void logLine(String level, String text) {
        try {
            Files.writeString(log, "[" + LOG_TIME.format(Instant.now()) + "] production." + level + ": " + text + "\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String deployedVersion() throws IOException {
        return Files.readString(app.resolve("VERSION")).strip();
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Drill", "-c", "user.email=drill@localhost",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(app.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("GIT_CONFIG_NOSYSTEM", "1", "HOME", home.toString()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("the drill needs git to build its sandbox: install it (apt-get install git)", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed in the drill sandbox: " + out);
        }
    }
}
