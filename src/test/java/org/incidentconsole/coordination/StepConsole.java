package org.incidentconsole.coordination;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.incident.HostClaims;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.OutputListener;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;

/**
 * One console running steps of a shared incident (see {@link RunLockedStepTest}): its own directory, SSH
 * connections, local incident (its own id, mapped to the shared incident's keys), step runner and run locks.
 */
final class StepConsole implements AutoCloseable {
    final String operator;
    final SshKit kit;
    final IncidentSession session;
    final StepRunner runner;
    final CoordinationRedis link;

    StepConsole(Path dir, String consoleId, String operator, CoordinationEndpoint endpoint, String sharedIncident,
                ScheduledExecutorService renewer, MinaSshServer... hosts) throws Exception {
        this.operator = operator;
        this.kit = new SshKit(dir);
        for (MinaSshServer h : hosts) {
            kit.trust(h);
        }
        this.session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("shared drill", "x",
                Severity.P1, "production", operator, "drill.md", "UTC");
        this.runner = new StepRunner(kit.connections(), new Redactor(), kit.io);
        this.link = new CoordinationRedis(endpoint);
        runner.useClaims(new RunLockClaims(link, localId -> new CoordinationKeys(endpoint.keyPrefix(),
                sharedIncident), consoleId, Duration.ofSeconds(5), renewer, Clock.systemUTC(), ZoneOffset.UTC));
    }

    StepRunner.StepRun run(Step step, Host host, OutputListener listener) throws Exception {
        return run(step, List.of(host), StepRunner.Mode.ROLLING, listener);
    }

    StepRunner.StepRun run(Step step, List<Host> hosts, StepRunner.Mode mode, OutputListener listener)
            throws Exception {
        // the window hands the runner the OS user; the lock must still name the incident's operator at this console
        return runner.run(session, step, hosts, mode, Map.of(), null, "os-user", listener);
    }

    StepRunner.HostOutcome runAndWait(Step step, Host host) throws Exception {
        return run(step, host, OutputListener.IGNORE).outcomes().get(60, TimeUnit.SECONDS).get(host.name());
    }

    void unshare() {
        runner.useClaims(HostClaims.NONE);
    }

    List<IncidentEvent> journal() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(JournalRecord::data).toList();
    }

    <T extends IncidentEvent> List<T> journaled(Class<T> type) throws Exception {
        return journal().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        session.close();
        link.close();
        kit.close();
    }
}
