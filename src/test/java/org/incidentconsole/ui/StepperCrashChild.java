package org.incidentconsole.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
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
 * Run in a child JVM by {@link StepperCrashResumeTest}: walks the runbook {@code args[1]} in the stepper against an
 * in-process SSH server (steps 1–3, an edited value, a tick), starts step 4 and prints "MIDSTEP" once its start is
 * on disk; then waits to be killed with SIGKILL. Prints "ID id" first.
 */
public final class StepperCrashChild {
    private StepperCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path runbook = Path.of(args[1]);
        Path sshDir = Files.createDirectories(dir.resolve("child-ssh"));
        SshKit kit = new SshKit(sshDir);
        Path key = TestKeys.generate(sshDir, "id_ed25519");
        MinaSshServer sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        Host web1 = SshKit.host("web-01", sshd.port(), key);
        IncidentSession session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC())
                .start("crash", "x", Severity.P1, "drill", "jana", runbook.toString(), "UTC");
        System.out.println("ID " + session.id());
        System.out.flush();
        StepperViewModel model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(kit.connections(), new Redactor(), kit.io), () -> List.of(web1), () -> List.of(web1),
                command -> command.equals("pick stable") ? "aaa1111" : null, "jana", Clock.systemUTC(),
                new SimpleStringProperty(""));
        CrashWalk.untilKilledInStep4(model, session, runbook, "ccc3333");
    }
}
