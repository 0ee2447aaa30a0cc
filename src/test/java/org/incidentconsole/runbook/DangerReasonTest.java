package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A dangerous command's reason is the author's own words when a {@code # danger:} comment gives some. */
class DangerReasonTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sudo systemctl restart php-fpm  # danger: in-flight PHP requests are dropped | in-flight PHP requests are dropped
            redis-cli DEL cb:failures  # danger: forgets the failures counted so far       | forgets the failures counted so far
            sudo systemctl restart php-fpm  # danger:                                    | restarts or stops a service
            sudo systemctl restart php-fpm                                               | restarts or stops a service
            """)
    void the_authors_reason_wins_over_the_detectors(String line, String reason) {
        assertThat(DangerDetector.dangers(line.strip(), 1, null)).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo(reason));
    }
}
