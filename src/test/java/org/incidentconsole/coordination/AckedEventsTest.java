package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.incidentconsole.coordination.AckedEvents.Acked;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AckedEventsTest {
    /** A Redis back from an older data file holds a prefix of the stream: our lost events are a suffix. */
    @ParameterizedTest(name = "{0} acknowledged, {1} still held → {2} lost, at most {3} checks")
    @CsvSource({
            "0,    0,    0,    0",
            "1,    1,    0,    1",
            "1,    0,    1,    1",
            "10,   10,   0,    1",
            "10,   0,    10,   5",
            "10,   7,    3,    5",
            "1000, 999,  1,    12",
            "1000, 1,    999,  12",
            "1000, 500,  500,  12"})
    void the_lost_suffix_is_found_in_logarithmically_many_checks(int acknowledged, int held, int lost, int maxChecks) {
        AckedEvents acked = new AckedEvents();
        for (int i = 1; i <= acknowledged; i++) {
            acked.add(new Acked(i, new StreamId(1000 + i, 0), new StreamId(1000 + i, 0), "Jana"));
        }
        AtomicInteger checks = new AtomicInteger();

        var dropped = acked.dropLost(a -> {
            checks.incrementAndGet();
            return a.seq() <= held;
        });

        assertThat(dropped).hasSize(lost);
        assertThat(dropped).extracting(Acked::seq).allMatch(seq -> seq > held);
        assertThat(acked.size()).isEqualTo(held);
        assertThat(checks.get()).isLessThanOrEqualTo(maxChecks);
    }
}
