package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The walk the journal folds for resume: which step/host runs were started and never seen to end. */
class IncidentStateWalkTest {
    private static final String STEP = "Rollback › Switch";

    /** {@code events}: space-separated "start:HOST", "finish:HOST", "skip:HOST" on one step, in journal order. */
    @ParameterizedTest(name = "{0} → interrupted on [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                      | ''
            start:web-01                            | web-01
            start:web-01 finish:web-01              | ''
            start:web-01 start:web-02 skip:web-02   | web-01
            start:web-01 finish:web-01 start:web-01 | web-01
            start:web-01 start:web-02               | web-01 web-02
            """)
    void a_run_started_without_a_finish_or_skip_after_it_is_interrupted(String events, String interrupted) {
        List<JournalRecord> records = new ArrayList<>();
        for (String e : events.isBlank() ? new String[0] : events.split(" ")) {
            String host = e.substring(e.indexOf(':') + 1);
            IncidentEvent event = switch (e.substring(0, e.indexOf(':'))) {
                case "start" -> new IncidentEvent.StepStarted(STEP, host, "echo");
                case "finish" -> new IncidentEvent.StepFinished(STEP, host, "echo", StepOutcome.OK, 0, 1, null, "",
                        null);
                default -> new IncidentEvent.StepSkipped(STEP, host, "cancelled");
            };
            records.add(new JournalRecord(records.size() + 1, Instant.EPOCH, JournalRecord.SCHEMA_VERSION, event));
        }

        IncidentState.Walk walk = IncidentState.replay(records).walk();

        List<String> expected = interrupted.isBlank() ? List.of()
                : Arrays.stream(interrupted.split(" ")).map(h -> IncidentState.runKey(STEP, h)).toList();
        assertThat(walk.interrupted().keySet()).containsExactlyElementsOf(expected);
        assertThat(walk.lastStep()).isEqualTo(events.isBlank() ? null : STEP);
        assertThat(walk.runbook()).isNull();
    }
}
