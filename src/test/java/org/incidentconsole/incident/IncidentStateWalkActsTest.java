package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 16: the walk's acts folded for resume — the last procedure, alternative, answer and manual mark win. */
class IncidentStateWalkActsTest {
    private static final String CHOICE = "Rollback › Step 2";
    private static final String QUESTION = "Who is affected?";

    private static JournalRecord record(List<JournalRecord> records, IncidentEvent e) {
        return new JournalRecord(records.size() + 1, Instant.EPOCH, JournalRecord.SCHEMA_VERSION, e);
    }

    /** {@code events}: space-separated "proc:NAME", "alt:LABEL", "answer:TEXT", "manual:MARK", "runbook:SOURCE". */
    @ParameterizedTest(name = "{0} → procedure {1}, alternative {2}, answer {3}, manual {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''                                        | -     | -  | -     | -
            proc:Diagnostics                          | Diagnostics | - | - | -
            proc:Diagnostics proc:Rollback            | Rollback | - | -  | -
            alt:hash alt:tagged                       | -     | tagged | - | -
            answer:yes answer:no                      | -     | -  | no    | -
            manual:done manual:skipped                | -     | -  | -     | skipped
            alt:tagged answer:yes manual:done runbook:a.md | - | tagged | yes | done
            alt:tagged answer:yes manual:done runbook:b.md | - | - | -     | -
            """)
    void the_last_act_of_each_kind_stands_until_another_runbook_is_opened(String events, String procedure,
                                                                          String alternative, String answer,
                                                                          String manual) {
        List<JournalRecord> records = new ArrayList<>();
        records.add(record(records, new IncidentEvent.RunbookLoaded("a.md", "Rollback", List.of())));
        for (String e : events.isBlank() ? new String[0] : events.split(" ")) {
            String value = e.substring(e.indexOf(':') + 1);
            IncidentEvent event = switch (e.substring(0, e.indexOf(':'))) {
                case "proc" -> new IncidentEvent.ProcedureChosen(value, 3, "jana");
                case "alt" -> new IncidentEvent.AlternativeChosen(CHOICE, value, 7, List.of("other"), "jana");
                case "answer" -> new IncidentEvent.DecisionAnswered(CHOICE, QUESTION, value, null, "jana");
                case "manual" -> new IncidentEvent.ManualStepMarked(CHOICE, ManualMark.journaled(value), null, "jana");
                default -> new IncidentEvent.RunbookLoaded(value, "Rollback", List.of());
            };
            records.add(record(records, event));
        }

        IncidentState.Walk walk = IncidentState.replay(records).walk();

        assertThat(walk.procedure()).isEqualTo(procedure);
        assertThat(walk.chosen().get(CHOICE)).satisfies(a -> assertThat(a == null ? null : a.chosen())
                .isEqualTo(alternative));
        assertThat(walk.answers().get(IncidentState.Walk.answerKey(CHOICE, QUESTION))).isEqualTo(answer);
        assertThat(walk.manual().get(CHOICE)).isEqualTo(manual == null ? null : ManualMark.journaled(manual));
    }

    @Test
    void a_journal_without_walk_acts_folds_to_no_procedure_and_empty_acts() {
        List<JournalRecord> records = new ArrayList<>();
        records.add(record(records, new IncidentEvent.StepStarted(CHOICE, "web-01", "echo")));

        IncidentState.Walk walk = IncidentState.replay(records).walk();

        assertThat(walk.procedure()).isNull();
        assertThat(walk.chosen()).isEqualTo(Map.of());
        assertThat(walk.answers()).isEqualTo(Map.of());
        assertThat(walk.manual()).isEqualTo(Map.of());
    }
}
