package org.incidentconsole.ui.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A trend keeps a fixed number of buckets over any length of incident, without losing a peak. */
class TrendSeriesTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void points_in_one_bucket_keep_their_min_max_and_last_value() {
        TrendSeries s = new TrendSeries(10, Duration.ofSeconds(5));
        s.add(T0, 40);
        s.add(T0.plusSeconds(1), 100);
        s.add(T0.plusSeconds(2), 13);
        assertThat(s.size()).isEqualTo(1);
        assertThat(new double[] {s.min(0), s.max(0), s.last(0)}).containsExactly(13, 100, 13);
        assertThat(s.latest()).isEqualTo(13);
    }

    @ParameterizedTest(name = "{0} polls every {1} s into {2} buckets stay within them")
    @CsvSource({"720, 5, 90", "17280, 5, 90", "100000, 1, 60", "3, 5, 2"})
    void any_length_of_polling_stays_within_the_capacity_and_covers_it_all(int polls, int every, int capacity) {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TrendSeries s = new TrendSeries(capacity, Duration.ofSeconds(5));
        double peak = 0;
        for (int i = 0; i < polls; i++) {
            double v = random.nextDouble() * 100;
            peak = Math.max(peak, v);
            s.add(T0.plusSeconds((long) i * every), v);
        }
        assertThat(s.size()).as("seed " + seed).isBetween(1, capacity);
        assertThat(s.from()).as("seed " + seed).isBeforeOrEqualTo(T0);
        assertThat(s.to()).as("seed " + seed).isAfter(T0.plusSeconds((long) (polls - 1) * every));
        assertThat(s.range()[1]).as("the peak survives every merge, seed " + seed).isEqualTo(peak);
    }

    @Test
    void merging_keeps_the_highest_and_lowest_of_each_pair_and_the_later_last_value() {
        TrendSeries s = new TrendSeries(4, Duration.ofSeconds(10));
        double[] values = {5, 90, 30, 1};
        for (int i = 0; i < 4; i++) {
            s.add(T0.plusSeconds(10L * i), values[i]);
        }
        s.add(T0.plusSeconds(40), 7); // a fifth bucket: the four merge into two, 20 s wide
        assertThat(s.width()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.size()).isEqualTo(3);
        assertThat(new double[] {s.min(0), s.max(0), s.last(0)}).containsExactly(5, 90, 90);
        assertThat(new double[] {s.min(1), s.max(1), s.last(1)}).containsExactly(1, 30, 1);
        assertThat(s.latest()).isEqualTo(7);
    }

    @Test
    void a_quiet_stretch_leaves_empty_buckets_that_are_not_drawn_as_values() {
        TrendSeries s = new TrendSeries(10, Duration.ofSeconds(5));
        s.add(T0, 10);
        s.add(T0.plusSeconds(20), 50);
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.has(1)).isFalse();
        assertThat(s.range()).containsExactly(10, 50);
    }

    @Test
    void a_trend_needs_room_for_two_buckets() {
        assertThatThrownBy(() -> new TrendSeries(1, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 buckets");
    }
}
