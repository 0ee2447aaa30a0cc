package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.app.ApprovalConsoles.Console;
import org.incidentconsole.coordination.Role;
import org.incidentconsole.incident.IncidentEvent.ApprovalDecided;
import org.incidentconsole.testing.FxScreen;
import org.incidentconsole.testing.TestRedis;
import org.incidentconsole.ui.approval.ApprovalOutcome;
import org.incidentconsole.ui.approval.ApprovalOutcome.Result;
import org.incidentconsole.ui.approval.ApprovalWaitViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requester's wait, without the toolkit, over real services on a real redis-server. */
class ApprovalWaitViewModelTest {
    private static TestRedis redis;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    @TempDir
    Path dir;
    private ApprovalConsoles consoles;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    @AfterEach
    void close() throws Exception {
        io.shutdownNow();
        consoles.close();
    }

    private ApprovalWaitViewModel waiting(Console requester) throws Exception {
        return new ApprovalWaitViewModel(Runnable::run, io, requester.service(), Clock.systemUTC(),
                ApprovalConsoles.step(), ApprovalConsoles.HOSTS, ApprovalConsoles.COMMANDS);
    }

    @Test
    void cancelling_ends_the_wait_at_once_and_withdraws_the_request_for_the_others() throws Exception {
        consoles = new ApprovalConsoles(redis, dir);
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, Duration.ofMinutes(5));
        Console ola = consoles.join("Ola", Role.OPERATOR, Duration.ofMinutes(5));
        ApprovalWaitViewModel model = waiting(ola);
        model.start();
        FxScreen.waitFor(30, () -> model.headingProperty().get().startsWith("Waiting for a second operator"));
        assertThat(model.commanderProperty().get()).as("Ola may not waive").isFalse();
        FxScreen.waitFor(30, () -> jana.service().pending().size() == 1);

        model.cancel();

        ApprovalOutcome outcome = model.result().get(30, TimeUnit.SECONDS);
        assertThat(outcome.result()).isEqualTo(Result.CANCELLED);
        assertThat(outcome.allowsRun()).isFalse();
        assertThat(model.headingProperty().get()).isEqualTo("Step 5: Restart php-fpm on web-01, web-02 does not run.");
        FxScreen.waitFor(30, () -> jana.service().pending().isEmpty());
        FxScreen.waitFor(30, () -> ola.events(ApprovalDecided.class).size() == 1);
        assertThat(ola.events(ApprovalDecided.class).get(0).reason()).isEqualTo("withdrawn by the requester");
    }

    @Test
    void the_commander_cannot_waive_without_a_typed_reason() throws Exception {
        consoles = new ApprovalConsoles(redis, dir);
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, Duration.ofMinutes(5));
        ApprovalWaitViewModel model = waiting(jana);
        model.start();
        FxScreen.waitFor(30, () -> model.statusProperty().get().equals(ApprovalOutcome.NO_SECOND_OPERATOR_SENTENCE));
        assertThat(model.commanderProperty().get()).isTrue();

        model.reasonProperty().set("   ");
        assertThat(model.waiveEnabledProperty().get()).isFalse();
        model.reasonProperty().set("the primary is down");
        assertThat(model.waiveEnabledProperty().get()).isTrue();
        model.waive();

        assertThat(model.result().get(30, TimeUnit.SECONDS).result()).isEqualTo(Result.WAIVED);
        assertThat(model.waiveEnabledProperty().get()).as("decided").isFalse();
    }
}
