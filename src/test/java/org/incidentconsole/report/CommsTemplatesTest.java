package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.incidentconsole.incident.IncidentState;
import org.junit.jupiter.api.Test;

class CommsTemplatesTest {
    private final IncidentState state = IncidentState.replay(IncidentFixture.rollback());

    @Test
    void the_initial_alert_names_severity_title_environment_trigger_and_owner() {
        assertThat(CommsTemplates.initialAlert(state)).isEqualTo("""
                [P2] API returns 500 after the 16:40 deploy
                Environment: production
                Trigger: Health endpoint failing
                Incident: INC-20261123-165501-1a2b, handled by jane
                We are on it. Next update within 15 minutes.""");
    }

    @Test
    void progress_says_which_step_of_how_many_and_the_time_elapsed() {
        assertThat(CommsTemplates.progress(state, 3, 7, "Clear the application caches",
                Instant.parse("2026-11-23T17:07:01Z")))
                .isEqualTo("[P2] API returns 500 after the 16:40 deploy: step 3 of 7 — Clear the application caches\n"
                        + "Elapsed: 12 min. Next update within 15 minutes.");
    }

    @Test
    void rollback_complete_says_from_and_to() {
        assertThat(CommsTemplates.rollbackComplete(state)).contains("rollback complete", "Now running def5678 (was abc1234)")
                .doesNotContain("#", "**");
    }
}
