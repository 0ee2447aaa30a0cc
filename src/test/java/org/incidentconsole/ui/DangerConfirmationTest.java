package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.ui.runbook.DangerConfirmation;
import org.incidentconsole.ui.runbook.StepperViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model's confirmation text follows what will run: a danger a value brings asks for one too. */
class DangerConfirmationTest {
    @TempDir
    Path dir;
    IncidentSession session;
    StepperViewModel model;

    @BeforeEach
    void open() throws Exception {
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P2,
                "production", "jane", "r.md", "UTC");
        Path file = dir.resolve("r.md");
        Files.writeString(file, """
                ---
                variables:
                  action: {description: the Redis verb}
                ---
                # Cache
                ## Act on the cache (1 minute)
                ```bash
                redis-cli -n 2 {{action}}
                ```
                """);
        model = new StepperViewModel(Runnable::run, Runnable::run, () -> session,
                new StepRunner(null, new Redactor(), null), List::of,
                () -> List.of(Host.of("cache-01", "cache-01", 22, "ops", List.of())), command -> null, "jane",
                Clock.systemUTC());
        model.open(file);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void a_danger_that_arrives_through_a_value_is_confirmed_with_the_filled_command() {
        assertThat(model.selectedProperty().get().dangers()).as("nothing dangerous as written").isEmpty();

        model.setValue("action", "FLUSHALL");
        DangerConfirmation c = model.dangerConfirmation("production");

        assertThat(c).isNotNull();
        assertThat(c.commands()).isEqualTo("redis-cli -n 2 FLUSHALL");
        assertThat(c.dangers()).singleElement().asString().endsWith(" — line 8: redis-cli -n 2 FLUSHALL");
        assertThat(c.hosts()).isEqualTo("cache-01");
        assertThat(c.heading()).isEqualTo("Act on the cache (1 minute) will run on 1 host. It has 1 danger:");
        assertThat(c.word()).isEqualTo("production");
    }

    @Test
    void a_harmless_value_or_a_missing_one_needs_no_confirmation() {
        model.setValue("action", "PING");
        assertThat(model.dangerConfirmation("production")).isNull();

        model.setValue("action", "");
        assertThat(model.dangerConfirmation("production")).as("cannot run yet: the run says why").isNull();
    }
}
