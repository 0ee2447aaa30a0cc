package org.incidentconsole.severity;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentconsole.ui.incident.SeverityText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            P0 | critical | data exposure, full outage or data loss
            P1 | major    | core feature down or degraded for many users
            P2 | minor    | a feature degraded, a workaround exists
            P3 | low      | cosmetic or internal only
            """)
    void each_severity_carries_its_label_and_meaning_as_fields(Severity severity, String label, String meaning) {
        assertThat(severity.label()).isEqualTo(label);
        assertThat(severity.meaning()).isEqualTo(meaning);
        assertThat(SeverityText.of(severity)).isEqualTo(severity.name() + " · " + label);
        assertThat(SeverityText.withMeaning(severity)).isEqualTo(severity.name() + " · " + label + " — " + meaning);
    }
}
