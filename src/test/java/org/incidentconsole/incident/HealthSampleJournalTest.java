package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentconsole.health.HealthChecks;
import org.incidentconsole.health.HealthPoller;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.HealthCheckSpec;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #19 trends: the real poller's results reach the journal as throttled health-sample events. */
class HealthSampleJournalTest {
    @TempDir
    Path dir;

    @Test
    void a_checks_number_is_journaled_once_and_not_again_on_every_poll_and_never_without_an_incident()
            throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (SshKit kit = new SshKit(dir); MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key))) {
            kit.trust(sshd);
            AtomicReference<IncidentSession> current = new AtomicReference<>();
            PanelJournal panels = new PanelJournal(current::get, new Redactor(), Clock.systemUTC(), Duration.ZERO);
            Host h = SshKit.host("web-01", sshd.port(), key);
            Host host = new Host(h.name(), h.address(), h.port(), h.user(), h.identityFiles(), false, List.of(), null,
                    null, null, BreakerSettings.defaults(), List.of(new HealthCheckSpec("disk", "disk",
                    Map.of("path", dir.toString(), "warn_percent", 101, "critical_percent", 101))), Map.of());
            IncidentSession session;
            try (HealthPoller poller = new HealthPoller(kit.connections(), Map.of(host, HealthChecks.of(host)),
                    Clock.systemUTC())) {
                poller.onResult(panels::healthResult); // as ConsoleServices and UnattendedWalk add it
                poller.pollOnce().get(60, TimeUnit.SECONDS); // no incident yet: nothing to write to
                session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x",
                        Severity.P1, "drill", "jana", "rb.md", "UTC");
                current.set(session);
                poller.pollOnce().get(60, TimeUnit.SECONDS);
                poller.pollOnce().get(60, TimeUnit.SECONDS);
                poller.pollOnce().get(60, TimeUnit.SECONDS);
            }
            session.close();

            var samples = JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data)
                    .filter(IncidentEvent.HealthSample.class::isInstance).map(IncidentEvent.HealthSample.class::cast)
                    .toList();
            assertThat(samples).as("three polls within seconds of a steady disk: one sample").hasSize(1);
            var s = samples.get(0);
            assertThat(List.of(s.host(), s.check(), s.kind(), s.unit(), s.status()))
                    .containsExactly("web-01", "disk", "disk", "%", "OK");
            assertThat(s.value()).isBetween(0.0, 100.0);
        }
    }
}
