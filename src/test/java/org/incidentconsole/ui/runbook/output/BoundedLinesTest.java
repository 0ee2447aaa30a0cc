package org.incidentconsole.ui.runbook.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundedLinesTest {
    @ParameterizedTest(name = "{1} lines into a cap of {0}")
    @CsvSource({
            // cap, lines added
            "100,   50",
            "100,  110",
            "100,  111",
            "100,  500",
            "100, 1000",
            "10,  1000",
    })
    void past_the_cap_the_oldest_lines_go_and_the_first_line_says_how_many(int cap, int added) {
        BoundedLines lines = new BoundedLines(cap);
        for (int i = 1; i <= added; i++) {
            lines.add("line " + i, Instant.EPOCH.plusSeconds(i));
        }

        long dropped = lines.dropped();
        int kept = lines.lines().size() - (dropped > 0 ? 1 : 0);
        assertThat(dropped + kept).as("every line is kept or counted").isEqualTo(added);
        assertThat(kept).as("trimmed in batches: between the cap and a tenth more")
                .isBetween(Math.min(added, cap), cap + cap / 10);
        assertThat(lines.lines()).last().isEqualTo("line " + added);
        if (dropped == 0) {
            assertThat(lines.lines()).first().isEqualTo("line 1");
        } else {
            assertThat(lines.lines().get(0)).isEqualTo("… " + dropped + " earlier lines dropped (the last " + cap
                    + " are kept)");
            assertThat(lines.lines().get(1)).isEqualTo("line " + (dropped + 1));
            assertThat(lines.time(0)).as("the marker has no time").isNull();
            assertThat(lines.time(1)).isEqualTo(Instant.EPOCH.plusSeconds(dropped + 1));
        }
    }

    @Test
    void appending_stays_linear_with_the_cap_reached() {
        long small = time(100_000);
        long large = time(1_000_000);
        System.out.printf("output: 100k lines appended in %d ms, 1M lines in %d ms (cap %d per host and run)%n",
                small / 1_000_000, large / 1_000_000, BoundedLines.DEFAULT_CAP);
        assertThat(large).as("10x the lines must not take 100x the time").isLessThan(small * 40);
    }

    private static long time(int count) {
        BoundedLines lines = new BoundedLines(BoundedLines.DEFAULT_CAP);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            lines.add("a line of output number " + i, null);
        }
        long took = System.nanoTime() - start;
        assertThat(lines.dropped()).isGreaterThan(0);
        return Math.max(took, 1_000_000);
    }
}
