package org.incidentconsole.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The tooltip beside a sparkline says the latest value, the range and the span in words. */
class TrendTextTest {
    @Test
    void the_tooltip_names_now_lowest_highest_and_how_long() {
        TrendSeries s = new TrendSeries(90, Duration.ofSeconds(5));
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        s.add(t0, 100);
        s.add(t0.plusSeconds(300), 53.3);
        s.add(t0.plusSeconds(600), 0);
        assertThat(TrendText.of("web-01 error-rate", s, "%"))
                .isEqualTo("web-01 error-rate: now 0% · lowest 0%, highest 100% over 10 min");
        assertThat(TrendText.of("x", new TrendSeries(2, Duration.ofSeconds(1)), "ms")).isEqualTo("x: no numbers yet");
    }
}
