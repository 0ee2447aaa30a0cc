package org.incidentconsole.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The number behind each kind of check's value text, from the table in trends/check-measures.csv. */
class CheckMeasuresTest {
    @ParameterizedTest(name = "{0} \"{1}\" → {2} {3}")
    @CsvFileSource(resources = "/trends/check-measures.csv")
    void each_kind_of_check_yields_its_number_and_unit(String kind, String value, String number, String unit) {
        var measure = CheckMeasures.of(result(kind, value, HealthStatus.OK));
        if (number.equals("-")) {
            assertThat(measure).isEmpty();
        } else {
            assertThat(measure).contains(new Measure(Double.parseDouble(number), unit == null ? "" : unit));
        }
    }

    @ParameterizedTest
    @EnumSource(value = HealthStatus.class, names = "UNKNOWN")
    void an_unknown_result_has_no_number_even_when_its_text_has_one(HealthStatus status) {
        assertThat(CheckMeasures.of(result("disk", "81% used", status))).isEmpty();
    }

    static CheckResult result(String kind, String value, HealthStatus status) {
        return new CheckResult("web-01", kind + "-check", kind, Instant.parse("2026-11-24T10:00:00Z"), status, value,
                "", Duration.ZERO);
    }
}
