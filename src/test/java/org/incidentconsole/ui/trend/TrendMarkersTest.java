package org.incidentconsole.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Step and rollback marks: bounded, and the rollback marked only when it happens while watched. */
class TrendMarkersTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant END = T0.plusSeconds(100_000);

    @Test
    void the_rollback_is_marked_when_the_incident_turns_rolled_back() {
        TrendMarkers m = new TrendMarkers();
        m.rolledBack("INC-1", false, T0);
        m.rolledBack("INC-1", true, T0.plusSeconds(30));
        m.rolledBack("INC-1", true, T0.plusSeconds(32));
        assertThat(m.between(T0, END)).containsExactly(new TrendMarkers.Marker(T0.plusSeconds(30),
                TrendMarkers.Kind.ROLLBACK));
    }

    @Test
    void an_incident_resumed_already_rolled_back_gets_no_mark_at_the_resume() {
        TrendMarkers m = new TrendMarkers();
        m.rolledBack(null, false, T0);
        m.rolledBack("INC-2", true, T0.plusSeconds(5));
        assertThat(m.between(T0, END)).isEmpty();
    }

    @Test
    void step_marks_are_bounded_and_the_oldest_go_first() {
        TrendMarkers m = new TrendMarkers();
        for (int i = 0; i < TrendMarkers.MAX_STEPS + 50; i++) {
            m.step(T0.plusSeconds(i));
        }
        var marks = m.between(T0, END);
        assertThat(marks).hasSize(TrendMarkers.MAX_STEPS);
        assertThat(marks.get(0).at()).isEqualTo(T0.plusSeconds(50));
        assertThat(m.version()).isEqualTo(TrendMarkers.MAX_STEPS + 50);
    }
}
