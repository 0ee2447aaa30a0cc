package org.incidentconsole.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.HealthCheckSpec;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of check, run for real on a MINA SSHD host (a systemctl shim stands in for systemd). */
class HealthChecksTest {
    @TempDir
    Path dir;
    SshKit kit;
    MinaSshServer sshd;
    HttpServer app;
    HostProbe probe;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        Path shims = Files.createDirectories(dir.resolve("shims"));
        Path systemctl = shims.resolve("systemctl");
        Files.writeString(systemctl, """
                #!/bin/sh
                shift
                rc=0
                for s in "$@"; do
                  case "$s" in nginx|php8.3-fpm) echo active;; *) echo failed; rc=3;; esac
                done
                exit $rc
                """);
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        sshd = MinaSshServer.withEnv(Map.of("PATH", shims + ":" + System.getenv("PATH")), TestKeys.publicKey(key));
        kit.trust(sshd);
        var connection = kit.connections().connection(SshKit.host("web-01", sshd.port(), key));
        connection.connect().get(30, TimeUnit.SECONDS);
        probe = new SshHostProbe(connection);
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        respond("/api/health", 200, "{\"status\":\"healthy\",\"db\":{\"ok\":\"yes\"}}");
        respond("/api/degraded", 200, "{\"status\":\"degraded\"}");
        respond("/api/broken", 500, "Server Error");
        app.start();
    }

    private void respond(String path, int status, String body) {
        app.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        app.stop(0);
        kit.close();
        sshd.close();
    }

    private CheckResult run(String type, Map<String, Object> settings) {
        return HealthChecks.of(new HealthCheckSpec("c", type, settings), Map.of()).run(probe);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + app.getAddress().getPort() + path;
    }

    @Test
    void http_checks_status_json_field_and_response_time_through_the_tunnel() {
        CheckResult ok = run("http", Map.of("url", url("/api/health"), "expect_json", "status=healthy"));
        assertThat(ok.status()).isEqualTo(HealthStatus.OK);
        assertThat(ok.value()).matches("HTTP 200 in \\d+ ms");
        assertThat(run("http", Map.of("url", url("/api/health"), "expect_json", "db.ok=yes")).status())
                .isEqualTo(HealthStatus.OK);
        CheckResult degraded = run("http", Map.of("url", url("/api/degraded"), "expect_json", "status=healthy"));
        assertThat(degraded.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(degraded.value()).endsWith("status=degraded");
        CheckResult broken = run("http", Map.of("url", url("/api/broken")));
        assertThat(broken).extracting(CheckResult::status, CheckResult::detail)
                .containsExactly(HealthStatus.CRITICAL, "expected HTTP 200");
        assertThat(run("http", Map.of("url", url("/api/health"), "warn_ms", -1)).status()).isEqualTo(HealthStatus.WARN);
        int closed = app.getAddress().getPort();
        app.stop(0);
        assertThat(run("http", Map.of("url", "http://127.0.0.1:" + closed + "/api/health")).status())
                .isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void systemd_is_critical_unless_every_service_is_active() {
        assertThat(run("systemd", Map.of("services", List.of("nginx", "php8.3-fpm"))))
                .extracting(CheckResult::status, CheckResult::value).containsExactly(HealthStatus.OK, "all active");
        assertThat(run("systemd", Map.of("services", List.of("nginx", "queue-worker"))))
                .extracting(CheckResult::status, CheckResult::value)
                .containsExactly(HealthStatus.CRITICAL, "queue-worker=failed");
    }

    @Test
    void log_errors_counts_the_rate_in_the_last_lines() throws Exception {
        Path log = dir.resolve("app.log");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(i % 20 == 0 ? "[2026-11-23] production.ERROR: booking failed" : "[2026-11-23] INFO ok " + i);
        }
        Files.write(log, lines);
        CheckResult r = run("log-errors", Map.of("file", log.toString(), "lines", 100));
        assertThat(r.value()).isEqualTo("5.0% (5 of 100 lines)");
        assertThat(r.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(run("log-errors", Map.of("file", dir + "/*.log", "lines", 100, "critical_percent", 10)).status())
                .isEqualTo(HealthStatus.WARN);
        assertThat(run("log-errors", Map.of("file", dir.resolve("missing.log").toString())).status())
                .isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void disk_and_memory_read_percent_used() {
        CheckResult disk = run("disk", Map.of("path", dir.toString(), "warn_percent", 0, "critical_percent", 100.5));
        assertThat(disk.value()).matches("\\d+% used");
        assertThat(disk.status()).isEqualTo(HealthStatus.WARN);
        CheckResult memory = run("memory", Map.of("warn_percent", 100.5, "critical_percent", 0));
        assertThat(memory.value()).matches("\\d+% used");
        assertThat(memory.status()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void pii_scan_counts_unredacted_data_and_only_three_characters_leave_the_host() throws Exception {
        Path log = dir.resolve("laravel.log");
        Files.write(log, List.of("user jane.doe@example.com booked", "user [REDACTED:email] booked",
                "auth Bearer abcdefghijklmnop1234", "key 0123456789abcdef0123456789abcdef", "all fine"));
        CheckResult r = run("pii-scan", Map.of("file", log.toString()));
        assertThat(r.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(r.value()).isEqualTo("email=1 bearer=1 hex-key=1");
        assertThat(r.detail()).contains("email: jan…[REDACTED]").doesNotContain("jane.doe", "abcdefghijklmnop",
                "0123456789abcdef0123");
        Files.write(log, List.of("user [REDACTED:email] booked", "nothing else"));
        assertThat(run("pii-scan", Map.of("file", log.toString())).status()).isEqualTo(HealthStatus.OK);
    }

    @Test
    void command_checks_exit_status_and_output() {
        assertThat(run("command", Map.of("command", "echo queue ready", "expect_regex", "ready")).status())
                .isEqualTo(HealthStatus.OK);
        assertThat(run("command", Map.of("command", "echo nope; exit 3"))).extracting(CheckResult::status,
                CheckResult::value).containsExactly(HealthStatus.CRITICAL, "exit 3");
        assertThat(run("command", Map.of("command", "sleep 5", "timeout_s", 1))).extracting(CheckResult::status,
                CheckResult::value).containsExactly(HealthStatus.UNKNOWN, "TIMEOUT");
    }

    @Test
    void a_misconfigured_check_reports_unknown_with_the_problem() {
        CheckResult r = run("http", Map.of());
        assertThat(r).extracting(CheckResult::status, CheckResult::value, CheckResult::detail)
                .containsExactly(HealthStatus.UNKNOWN, "misconfigured", "'url' is missing");
        assertThat(run("smtp", Map.of()).detail()).startsWith("unknown type 'smtp'");
        assertThat(run("log-errors", Map.of("file", "/var/log/$(reboot)")).detail()).contains("may only hold");
    }
}
