package org.incidentconsole.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The drill host's files: a Laravel-shaped app, presented to the operator at {@link #HOST_APP} ({@link DrillPaths}
 * puts it in {@code var/www/api-gateway} here), as a real git repository with five releases (the newest is the
 * broken deploy, the one before is tagged stable), the shims on its PATH, its log, and a state folder where the
 * shims note what the operator did (flags, and one line per act in {@code host.journal}).
 */
final class DrillSandbox {
    /** The host's web root, mapped onto this sandbox's {@code var/www}. */
    static final String HOST_WEB_ROOT = "/var/www";
    /** Where the app lives on the drill host, as the operator names it. */
    static final String HOST_APP = HOST_WEB_ROOT + "/api-gateway";
    static final String STABLE_TAG = "release-2026.11.2";
    /** The name an operator tags the last good release with before a deploy; on the same commit. */
    static final String PRODUCTION_STABLE_TAG = "production-stable-2025-09-30";
    static final String BROKEN_VERSION = "2026.11.3";
    static final List<String> SHIMS = List.of("php", "systemctl", "service", "sudo", "redis-cli", "curl", "sleep",
            "composer", "nginx", "grep");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    final Path home;
    final Path webRoot;
    final Path app;
    final Path bin;
    final Path state;
    final Path log;
    final Path bashEnv;

    private DrillSandbox(Path home) {
        this.home = home;
        this.webRoot = home.resolve("var/www");
        this.app = webRoot.resolve("api-gateway");
        this.bin = home.resolve("bin");
        this.state = home.resolve("state");
        this.log = app.resolve("storage/logs/laravel.log");
        this.bashEnv = home.resolve(".drill-bashenv");
    }

    static DrillSandbox create(Path home) throws IOException, InterruptedException {
        DrillSandbox s = new DrillSandbox(home);
        Files.createDirectories(s.bin);
        Files.createDirectories(s.state);
        Files.createDirectories(s.app.resolve("storage/logs"));
        s.installShims();
        DrillTools.link(s.bin, System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        s.writeBashEnv();
        Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = Drill operator\n\temail = drill@localhost\n");
        s.createRepository();
        s.seedLog();
        return s;
    }

    /** Read by the drill's bash before each command: unknown commands fail clearly, pwd shows the host's path. */
    private void writeBashEnv() throws IOException {
        Files.writeString(bashEnv, """
                command_not_found_handle() {
                  local line="$*" root='%1$s'
                  printf 'drill: command not simulated: %%s\\n' "${line//"$root"/%2$s}" >&2
                  return 127
                }
                pwd() {
                  local here root='%1$s'
                  here=$(builtin pwd)
                  case "$here" in
                    "$root"|"$root"/*) printf '%%s\\n' "%2$s${here#"$root"}" ;;
                    *) printf '%%s\\n' "$here" ;;
                  esac
                }
                """.formatted(webRoot, HOST_WEB_ROOT));
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
        Files.writeString(app.resolve(".gitignore"), "/storage/\n/vendor/\n/bootstrap/cache/\n.env\n");
        Files.writeString(app.resolve("artisan"), "#!/usr/bin/env php\n<?php\n// Laravel's console entry point\n");
        Files.writeString(app.resolve("composer.json"), "{\n  \"name\": \"drill/api-gateway\",\n  \"require\": "
                + "{\"php\": \"^8.3\", \"laravel/framework\": \"^11.0\"}\n}\n");
        Files.writeString(app.resolve(".env"), "APP_NAME=api-gateway\nAPP_ENV=production\nAPP_DEBUG=false\n"
                + "CACHE_STORE=redis\nQUEUE_CONNECTION=redis\n");
        release("2026.10.1", "Booking API: slots and bookings endpoints", "app/Http/Controllers/BookingController.php");
        release("2026.10.2", "Receive Cal.com webhooks", "app/Http/Controllers/WebhookController.php");
        release("2026.11.1", "Bookings through the Cal.com API", "app/Services/CalcomClient.php");
        release("2026.11.2", "Retry Cal.com calls with backoff", "app/Services/CircuitBreaker.php");
        git("tag", STABLE_TAG);
        git("tag", PRODUCTION_STABLE_TAG);
        release(BROKEN_VERSION, "Move booking code into BookingService (broken: class not autoloaded)",
                "database/migrations/2026_11_20_000000_add_service_column_to_bookings.php");
    }

    private void release(String version, String message, String file) throws IOException, InterruptedException {
        Files.writeString(app.resolve("VERSION"), version + "\n");
        Path routes = app.resolve("routes/api.php");
        Files.createDirectories(routes.getParent());
        Files.writeString(routes, "<?php\n// release " + version + "\nRoute::get('/health', HealthController::class);\n");
        Path added = app.resolve(file);
        Files.createDirectories(added.getParent());
        Files.writeString(added, "<?php\n// " + message + "\n");
        git("add", "-A");
        git("commit", "-q", "-m", message);
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
        // Laravel's daily channel names today's log laravel-YYYY-MM-DD.log: here it is the same file
        Path daily = log.resolveSibling("laravel-" + LocalDate.now() + ".log");
        Files.createSymbolicLink(daily, log.getFileName());
    }

    /** Appends a line to the app's log, as the app does on every request. */
    void logLine(String level, String text) {
        try {
            Files.writeString(log, "[" + LOG_TIME.format(Instant.now()) + "] production." + level + ": " + text + "\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String deployedVersion() throws IOException {
        return Files.readString(app.resolve("VERSION")).strip();
    }

    /** What the drill's shims noted, one act a line ("2026-11-24T11:00:00Z systemctl restart php8.3-fpm"). */
    List<String> journal() throws IOException {
        Path file = state.resolve("host.journal");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
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
