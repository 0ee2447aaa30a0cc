package org.incidentconsole.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a sparkline's line, bars, marks and state band go, computed without the toolkit. */
class SparkGeometryTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void the_error_rate_falling_draws_a_line_from_top_to_bottom() {
        TrendSeries s = new TrendSeries(10, Duration.ofSeconds(10));
        double[] rate = {100, 53, 13, 0};
        for (int i = 0; i < rate.length; i++) {
            s.add(T0.plusSeconds(10L * i), rate[i]);
        }
        SparkGeometry g = SparkGeometry.of(s, List.of(), 80, 20, null, false);
        assertThat(g.line()).hasSize(4);
        assertThat(g.line().get(0)[1]).isEqualTo(1.0); // 100 %: the top
        assertThat(g.line().get(3)[1]).isEqualTo(19.0); // 0 %: the bottom
        assertThat(g.line()).extracting(p -> p[0]).containsExactly(10.0, 30.0, 50.0, 70.0);
    }

    @Test
    void a_bucket_with_a_spread_gets_a_min_max_bar_and_one_without_none() {
        TrendSeries s = new TrendSeries(10, Duration.ofSeconds(10));
        s.add(T0, 0);
        s.add(T0.plusSeconds(1), 100);
        s.add(T0.plusSeconds(10), 50);
        SparkGeometry g = SparkGeometry.of(s, List.of(), 20, 20, null, false);
        assertThat(g.bars()).hasSize(1);
        assertThat(g.bars().get(0)).containsExactly(5.0, 1.0, 19.0);
    }

    @Test
    void marks_inside_the_range_are_placed_by_time_and_marks_outside_it_are_left_out() {
        TrendSeries s = new TrendSeries(10, Duration.ofSeconds(10));
        s.add(T0, 1);
        s.add(T0.plusSeconds(90), 2); // the range: 10:00:00 to 10:01:40
        TrendMarkers markers = new TrendMarkers();
        markers.step(T0.plusSeconds(50));
        markers.step(T0.minusSeconds(60));
        markers.rolledBack("INC-1", false, T0);
        markers.rolledBack("INC-1", true, T0.plusSeconds(75));
        var marks = SparkGeometry.of(s, markers.between(s.from(), s.to()), 100, 20, null, false).marks();
        assertThat(marks).containsExactly(new SparkGeometry.Mark(50, TrendMarkers.Kind.STEP),
                new SparkGeometry.Mark(75, TrendMarkers.Kind.ROLLBACK));
    }

    @Test
    void a_breaker_open_then_half_open_then_closed_gives_three_band_segments() {
        TrendSeries s = new TrendSeries(10, Duration.ofSeconds(10));
        double[] states = {2, 2, 1, 0, 0};
        for (int i = 0; i < states.length; i++) {
            s.add(T0.plusSeconds(10L * i), states[i]);
        }
        var bands = SparkGeometry.of(s, List.of(), 50, 10, new double[] {0, 2}, true).bands();
        assertThat(bands).containsExactly(new SparkGeometry.Band(0, 20, 2), new SparkGeometry.Band(20, 30, 1),
                new SparkGeometry.Band(30, 50, 0));
    }

    @Test
    void a_steady_high_value_reads_high_rather_than_flat_at_the_bottom() {
        TrendSeries s = new TrendSeries(10, Duration.ofSeconds(10));
        s.add(T0, 42);
        s.add(T0.plusSeconds(10), 42);
        assertThat(SparkGeometry.of(s, List.of(), 20, 20, null, false).line()).extracting(p -> p[1])
                .containsExactly(1.0, 1.0);
        assertThat(SparkGeometry.of(s, List.of(), 20, 20, new double[] {0, 100}, false).line())
                .allSatisfy(p -> assertThat(p[1]).isCloseTo(11.44, org.assertj.core.data.Offset.offset(0.01)));
    }

    @Test
    void an_all_zero_series_is_drawn_at_the_bottom_without_dividing_by_zero() {
        TrendSeries s = new TrendSeries(10, Duration.ofSeconds(10));
        s.add(T0, 0);
        s.add(T0.plusSeconds(10), 0);
        assertThat(SparkGeometry.of(s, List.of(), 20, 20, null, false).line()).extracting(p -> p[1])
                .containsExactly(19.0, 19.0);
    }
}
