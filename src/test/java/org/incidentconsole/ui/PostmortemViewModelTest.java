package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.report.PostmortemField;
import org.incidentconsole.report.RecordSource;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.ui.incident.PostmortemViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Postmortem pane's model over a real journal: each save is an event signed by the operator. */
class PostmortemViewModelTest {
    @TempDir
    Path dir;
    private final AtomicReference<IncidentSession> session = new AtomicReference<>();
    private final AtomicReference<String> operator = new AtomicReference<>("jana");
    private PostmortemViewModel model;

    @BeforeEach
    void start() throws Exception {
        IncidentStore store = new IncidentStore(dir, Clock.fixed(Instant.parse("2026-11-23T17:00:00Z"),
                ZoneOffset.UTC));
        session.set(store.start("Checkout fails", "alert", Severity.P1, "drill", "jana", null, "UTC"));
        model = new PostmortemViewModel(session::get, operator::get);
    }

    @AfterEach
    void close() {
        session.get().close();
    }

    private List<JournalRecord> journal() throws Exception {
        return JournalReader.read(session.get().journalFile()).records();
    }

    @Test
    void only_changed_fields_are_journaled_signed_by_the_operator_and_the_report_shows_them() throws Exception {
        Map<PostmortemField, String> edited = new EnumMap<>(model.fields());
        edited.put(PostmortemField.ROOT_CAUSE, "  A stale config cache  ");
        edited.put(PostmortemField.DETECTED_AT, "2026-11-23 16:51");
        assertThat(model.save(edited).get()).isEqualTo(2);
        session.get().handOver("omar").get(); // #15: the session signs; a new signer comes by a journaled hand-over
        operator.set("omar");
        edited.put(PostmortemField.LUCKY, "Outside peak hours");
        assertThat(model.save(edited).get()).as("unchanged fields are not written again").isEqualTo(1);
        assertThat(model.save(edited).get()).isZero();

        List<IncidentEvent.FieldSet> saves = journal().stream().map(JournalRecord::data)
                .filter(IncidentEvent.FieldSet.class::isInstance).map(IncidentEvent.FieldSet.class::cast).toList();
        assertThat(saves).containsExactly(
                new IncidentEvent.FieldSet("detected-at", "2026-11-23T16:51:00Z", "jana"),
                new IncidentEvent.FieldSet("root-cause", "A stale config cache", "jana"),
                new IncidentEvent.FieldSet("lucky", "Outside peak hours", "omar"));
        assertThat(model.fields()).containsEntry(PostmortemField.ROOT_CAUSE, "A stale config cache");

        StringWriter report = new StringWriter();
        new ReportRenderer().prepare(RecordSource.journal(session.get().journalFile())).writeTo(report);
        assertThat(report.toString()).contains("A stale config cache", "_Entered by jana at 17:00:00 UTC._",
                "Outside peak hours", "- Detected at: 16:51:00 UTC", "- Time to detect: 9 min 0 s");
    }

    @Test
    void action_items_roles_and_messages_are_journaled_and_reported() throws Exception {
        model.addActionItem("Canary config changes", "Prevent", "omar", "https://tracker.example/OPS-42").get();
        model.assignRole("comms", "omar").get();
        model.messageSent("status page", "We are rolling back.").get();
        assertThat(journal().stream().map(JournalRecord::data).toList()).contains(
                new IncidentEvent.ActionItemAdded("Canary config changes", "jana", "prevent", "omar",
                        "https://tracker.example/OPS-42"),
                new IncidentEvent.RoleAssigned("comms", "omar", "jana"),
                new IncidentEvent.MessageSent("status page", "We are rolling back.", "jana"));
        String report = new ReportRenderer().render(journal());
        assertThat(report).contains("| Canary config changes | prevent | omar | <https://tracker.example/OPS-42> |",
                "| Comms | omar |", "We are rolling back.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            detected-at 'yesterday'        | Detection time "yesterday" is not a time
            action item without text       | An action item needs a text.
            action item of type 'urgent'   | Type must be mitigate, prevent or process, not urgent.
            role 'boss'                    | Role must be one of incident-commander, operator, comms, scribe.
            role without a person          | Name the person who holds the comms role.
            message without text           | Paste the message as it was sent.
            """)
    void bad_input_is_refused_in_one_sentence_and_nothing_is_journaled(String what, String message) throws Exception {
        long before = journal().size();
        Runnable act = switch (what) {
            case "detected-at 'yesterday'" -> () -> model.save(Map.of(PostmortemField.DETECTED_AT, "yesterday"));
            case "action item without text" -> () -> model.addActionItem(" ", "prevent", null, null);
            case "action item of type 'urgent'" -> () -> model.addActionItem("x", "urgent", null, null);
            case "role 'boss'" -> () -> model.assignRole("boss", "omar");
            case "role without a person" -> () -> model.assignRole("comms", "");
            default -> () -> model.messageSent("chat", "");
        };
        assertThatThrownBy(act::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThat(journal()).hasSize((int) before);
    }

    @Test
    void without_an_incident_the_pane_says_to_start_one() {
        PostmortemViewModel none = new PostmortemViewModel(() -> null, operator::get);
        assertThatThrownBy(none::fields).isInstanceOf(IllegalStateException.class)
                .hasMessage("Start or resume an incident first: the postmortem is part of it.");
    }
}
