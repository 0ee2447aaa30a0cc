package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.incidentconsole.incident.IncidentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusPhaseTest {
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "investigating   | INVESTIGATING",
            "INVESTIGATING   | INVESTIGATING",
            "Identified      | IDENTIFIED",
            "' monitoring '  | MONITORING",
            "resolved        | RESOLVED",
            "closed          | none",
            "''              | none",
            "in_progress     | none",
            "none            | none"})
    void a_word_names_its_phase_in_any_case(String word, StatusPhase expected) {
        assertThat(StatusPhase.fromWord(word)).isEqualTo(Optional.ofNullable(expected));
    }

    /** notify may not import incident (ArchitectureTest): the window maps by the status's word, so keep them equal. */
    @Test
    void every_incident_status_is_a_phase_of_the_same_word() {
        for (IncidentStatus status : IncidentStatus.values()) {
            assertThat(StatusPhase.fromWord(status.label())).as(status.name())
                    .hasValueSatisfying(phase -> assertThat(phase.name()).isEqualTo(status.name()));
            assertThat(StatusPhase.fromWord(status.name())).isEqualTo(StatusPhase.fromWord(status.label()));
        }
        assertThat(StatusPhase.values()).hasSameSizeAs(IncidentStatus.values());
    }
}
