package org.incidentconsole.ui.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook a shared incident's second pair of eyes plugs into (#22): a dangerous step asks {@link RunApproval}
 * before it runs, with what will run where; a safe step does not ask. Real SSH (MINA, real /bin/sh) and journal.
 */
class StepRunApprovalTest {
    @TempDir
    Path dir;
    private SshKit kit;
    private MinaSshServer sshd;
    private IncidentSession session;
    private Path scratch;
    private StepperViewModel model;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        Host web1 = SshKit.host("web-01", sshd.port(), key);
        scratch = Files.createDirectories(dir.resolve("scratch"));
        Files.writeString(scratch.resolve("cache.bin"), "x");
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "drill", "jana", "r.md", "UTC");
        Path file = dir.resolve("r.md");
        Files.writeString(file, """
                # Approval drill

                ## Look (1 minute)
                ```bash
                echo looking
                ```

                ## Clear the cache (1 minute)
                ```bash
                rm -rf %s
                ```
                """.formatted(scratch));
        model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(kit.connections(), new Redactor(), kit.io), List::of, () -> List.of(web1),
                command -> null, "jana", Clock.systemUTC(), new SimpleStringProperty(""));
        model.open(file);
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kit.close();
        sshd.close();
    }

    private RunApproval answering(boolean run) {
        return (step, hosts, commands) -> {
            asked.add(step.title() + " | " + String.join(",", hosts.stream().map(Host::name).toList()) + " | "
                    + String.join("\n", commands));
            return CompletableFuture.completedFuture(new RunApproval.Answer(run, run ? "" : "Ola refused it."));
        };
    }

    @Test
    void a_dangerous_step_refused_by_the_second_operator_does_not_run_and_says_why() throws Exception {
        model.runs().setApproval(answering(false));
        model.select(model.steps().get(1));

        model.run("drill").get(60, TimeUnit.SECONDS);

        assertThat(asked).containsExactly("Clear the cache (1 minute) | web-01 | rm -rf " + scratch);
        assertThat(scratch).as("nothing ran").exists();
        assertThat(model.runs().runningProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Clear the cache (1 minute) did not run: Ola refused it.");
    }

    @Test
    void a_dangerous_step_approved_runs_and_a_safe_step_never_asks() throws Exception {
        model.runs().setApproval(answering(true));
        model.select(model.steps().get(0));
        model.run(null).get(60, TimeUnit.SECONDS);
        assertThat(asked).as("a safe step").isEmpty();

        model.select(model.steps().get(1));
        model.run("drill").get(60, TimeUnit.SECONDS);

        assertThat(asked).hasSize(1);
        assertThat(scratch).as("the step ran").doesNotExist();
    }
}
