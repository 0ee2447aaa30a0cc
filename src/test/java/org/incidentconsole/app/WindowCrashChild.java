package org.incidentconsole.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.testing.CrashWalk;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.ui.runbook.StepperViewModel;

/**
 * Run in a child JVM by {@link WindowResumeAfterKillTest}: a console at work on the drill's host name, in the home
 * {@code args[0]}, walking the runbook {@code args[1]} (steps 1–3, a value typed, a tick), then step 4 started; prints
 * "ID id" first and "MIDSTEP" once step 4's start is on disk, then waits to be killed with SIGKILL.
 */
public final class WindowCrashChild {
    private WindowCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path runbook = Path.of(args[1]);
        Path sshDir = Files.createDirectories(home.resolve("child-ssh"));
        SshKit kit = new SshKit(sshDir);
        Path key = TestKeys.generate(sshDir, "id_ed25519");
        MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        Host host = SshKit.host("drill-web-01", sshd.port(), key);
        IncidentSession session = new IncidentStore(home.resolve("incidents"), Clock.systemUTC()).start(
                "Checkout down", "alert", Severity.P1,
                IncidentBinding.of("drill", "inventory.yaml", List.of("drill-web-01")), "jana", runbook.toString(),
                "UTC");
        System.out.println("ID " + session.id());
        System.out.flush();
        StepperViewModel model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(kit.connections(), new Redactor(), kit.io), () -> List.of(host), () -> List.of(host),
                command -> "aaa1111", "jana", Clock.systemUTC(), new SimpleStringProperty(""));
        CrashWalk.untilKilledInStep4(model, session, runbook, "ccc3333");
    }
}
