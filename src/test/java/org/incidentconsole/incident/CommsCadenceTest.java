package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 21: when the next progress update is due, as the bar shows it. */
class CommsCadenceTest {
    private static final Instant T0 = Instant.parse("2026-11-24T13:00:00Z"); // 14:00 in Berlin

    /**
     * @param sent what went out before {@code now}: "template@minute:result" separated by spaces, each delivered
     *             a second after it was posted; "resolve@minute" resolves the incident, "reopen@minute" reopens it
     */
    @ParameterizedTest(name = "{0}, every {1} min, at minute {2}: {4}")
    @CsvSource(delimiter = '|', value = {
            "                                               | 15 | 30 | NONE    | ''",
            "initial@0:failed                               | 15 | 30 | NONE    | ''",
            "progress@0:delivered                           | 15 | 30 | NONE    | ''",
            "free@0:delivered                               | 15 | 30 | NONE    | ''",
            "initial@0:delivered                            | 15 | 10 | DUE     | Next update 14:15",
            "initial@0:delivered                            |  5 | 10 | OVERDUE | Update overdue 5 min",
            "initial@0:delivered progress@12:delivered      | 15 | 20 | DUE     | Next update 14:27",
            "initial@0:delivered progress@12:failed         | 15 | 20 | OVERDUE | Update overdue 5 min",
            "initial@0:delivered free@12:delivered          | 15 | 20 | OVERDUE | Update overdue 5 min",
            "initial@0:delivered rollback@14:delivered      | 15 | 20 | DUE     | Next update 14:29",
            "initial@0:delivered resolve@20                 | 15 | 40 | NONE    | ''",
            "initial@0:delivered resolve@20 reopen@25       | 15 | 40 | OVERDUE | Update overdue 25 min",
    })
    void the_next_update_is_one_interval_after_the_last_update_that_reached_someone(String sent, int every,
                                                                                   int now, String level,
                                                                                   String text) {
        List<JournalRecord> records = new ArrayList<>();
        records.add(record(records, 0, new IncidentEvent.Started("INC-1", "Checkout fails", "alert", Severity.P1,
                "production", "jane", null, "Europe/Berlin")));
        int n = 0;
        for (String s : sent == null ? new String[0] : sent.strip().split("\\s+")) {
            String[] what = s.split("[@:]");
            long at = Long.parseLong(what[1]) * 60;
            if (what[0].equals("resolve")) {
                records.add(record(records, at, new IncidentEvent.Resolved("fixed", "jane")));
            } else if (what[0].equals("reopen")) {
                records.add(record(records, at, new IncidentEvent.Reopened("back", "jane")));
            } else {
                String id = "m" + n++;
                records.add(record(records, at, new IncidentEvent.MessagePosted(id, what[0], "s", "t",
                        List.of("ops"), null, "jane")));
                records.add(record(records, at + 1, new IncidentEvent.MessageDelivery(id, "ops", what[2], 200, "ok",
                        1, null)));
            }
        }
        IncidentState state = IncidentState.replay(records);
        CommsCadence cadence = CommsCadence.of(state, Duration.ofMinutes(every), T0.plusSeconds(now * 60L));
        assertThat(cadence.level()).isEqualTo(CommsCadence.Level.valueOf(level));
        assertThat(cadence.text(CommsCadence.zone(state))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} s past due reads {1}")
    @CsvSource({"1, Update overdue 1 min", "60, Update overdue 1 min", "61, Update overdue 2 min",
            "600, Update overdue 10 min"})
    void overdue_minutes_round_up_so_a_late_update_never_reads_zero(long late, String text) {
        CommsCadence c = new CommsCadence(CommsCadence.Level.OVERDUE, T0, Duration.ofSeconds(late));
        assertThat(c.text(CommsCadence.zone(IncidentState.empty()))).isEqualTo(text);
    }

    private static JournalRecord record(List<JournalRecord> so, long seconds, IncidentEvent e) {
        return new JournalRecord(so.size() + 1, T0.plusSeconds(seconds), JournalRecord.SCHEMA_VERSION, e);
    }
}
