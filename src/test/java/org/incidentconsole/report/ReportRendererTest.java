package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentStatus;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.redact.RedactionPropertyTestAccess;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/incident-report.md");
    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void the_report_matches_the_reviewed_golden_file() throws Exception {
        String report = renderer.render(IncidentFixture.rollback());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, report, StandardCharsets.UTF_8);
        }
        assertThat(report).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void the_same_journal_always_gives_the_same_report() {
        assertThat(renderer.render(IncidentFixture.rollback())).isEqualTo(renderer.render(IncidentFixture.rollback()));
    }

    @Test
    void the_report_is_valid_github_markdown_with_headings_table_tasks_and_fences() {
        String report = renderer.render(IncidentFixture.rollback());
        Node doc = Parser.builder().extensions(List.of(TablesExtension.create(), TaskListItemsExtension.create()))
                .build().parse(report);
        List<String> headings = new ArrayList<>();
        List<TableBlock> tables = new ArrayList<>();
        List<Boolean> tasks = new ArrayList<>();
        List<FencedCodeBlock> fences = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() <= 2) {
                    headings.add(text(heading));
                }
                visitChildren(heading);
            }

            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock t) {
                    tables.add(t);
                }
                visitChildren(block);
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TaskListItemMarker m) {
                    tasks.add(m.isChecked());
                }
                visitChildren(node);
            }

            @Override
            public void visit(FencedCodeBlock fence) {
                fences.add(fence);
            }
        });
        assertThat(headings).containsExactly("Postmortem: API returns 500 after the 16:40 deploy", "Summary",
                "Impact", "Detection", "Trigger, root cause and contributing factors", "Resolution", "Responders",
                "Lessons learned", "Action items", "Messaging", "Timeline", "Commands run", "Health and breakers",
                "Checklists", "Notes");
        List<String> firstColumn = new ArrayList<>();
        tables.get(0).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableCell cell && node.getPrevious() == null) {
                    firstColumn.add(text(cell));
                }
                visitChildren(node);
            }
        });
        assertThat(firstColumn).containsExactly("Field", "Date", "Started", "Ended", "Duration", "Severity",
                "Trigger at start",
                "Status", "Executed by", "Rolled back from", "Rolled back to", "Services restarted", "Resolution",
                "Action items");
        assertThat(tasks).containsExactly(true, true, false);
        assertThat(fences).extracting(FencedCodeBlock::getInfo).containsExactly("sh", "text", "sh");
        assertThat(fences.get(1).getLiteral()).contains("```nested fence```");
    }

    @Test
    void the_summary_holds_every_field_of_a_rollback_log() {
        String report = renderer.render(IncidentFixture.rollback());
        assertThat(report).contains("| Rolled back from | abc1234 |", "| Rolled back to | def5678 |",
                "| Services restarted | php8.3-fpm |", "| Severity | P2 (started as P1) |",
                "| Executed by | jane, omar |", "| Status | Resolved |",
                "| Resolution | Service healthy for 15 minutes |",
                "| Started | 16:55:01 UTC (17:55:01 +01:00) |");
        assertThat(report).contains("Bookings failed for 12 minutes | about 300 users", "| P1 | 3 min 23 s |",
                "| P2 | 1 min 0 s |");
        assertThat(report).contains("- Time to detect: 3 min 31 s", "- Time to rollback: 44 s",
                "- Time to recover: 5 min 29 s (from detection to health OK after the rollback)");
        assertThat(report).contains("| Tick or follow up: Webhooks are being processed");
        assertThat(report).contains("| web-01 / api-health | CRITICAL | OK |",
                "| reset | `circuit_breaker:calcom:state` | open | closed | ok |");
    }

    @Test
    void secrets_in_captured_output_never_reach_the_report_once_redacted() {
        var redactor = new Redactor();
        var secrets = RedactionPropertyTestAccess.secrets(2000);
        String output = RedactionPropertyTestAccess.embed(secrets);
        List<JournalRecord> records = new ArrayList<>(IncidentFixture.rollback());
        records.add(new JournalRecord(records.size() + 1, records.get(records.size() - 1).ts(), 1,
                new IncidentEvent.StepFinished("leaky step", "web-01", "cat app.log", StepOutcome.OK, 0, 10, null,
                        redactor.scrub(output), Map.of())));
        String report = renderer.render(records);
        assertThat(secrets).as(RedactionPropertyTestAccess.seed())
                .allSatisfy(s -> assertThat(report).doesNotContain(s.value()));
    }

    @Test
    void rolled_back_from_and_to_are_the_values_the_rollback_step_ran_with_not_values_typed_after_it() {
        String step = "Rollback › Step 2: Switch to the stable release";
        var records = new IncidentFixture()
                .add(0, new IncidentEvent.Started("INC-2", "t", "x", Severity.P1, "production", "jana", null, "UTC"))
                .add(1, new IncidentEvent.VariableSet("deployed_ref", "843cd6f", "rollback-from"))
                .add(1, new IncidentEvent.VariableSet("stable_ref", "ce1e55a", "rollback-to"))
                .add(1, new IncidentEvent.VariableSet("stable_ref", "8cc1d2d", "rollback-to")) // typed over
                .add(1, new IncidentEvent.StepStarted(step, "web-01", "git checkout --detach 8cc1d2d",
                        Map.of("stable_ref", "8cc1d2d", "deployed_ref", "843cd6f")))
                .add(1, new IncidentEvent.StepFinished(step, "web-01", "git checkout --detach 8cc1d2d",
                        StepOutcome.OK, 0, 10,
                        null, "HEAD is now at 8cc1d2d", Map.of()))
                .add(0, new IncidentEvent.Milestone("ROLLED_BACK", step + " → 8cc1d2d"))
                .add(30, new IncidentEvent.VariableSet("stable_ref", "0000aaa", "rollback-to")) // edited afterwards
                .records();
        String report = renderer.render(records);
        assertThat(report).contains("| Rolled back to | 8cc1d2d |", "| Rolled back from | 843cd6f |")
                .doesNotContain("| Rolled back to | 0000aaa |");
    }

    @Test
    void everyone_who_signed_an_act_of_any_kind_is_named_as_executing_it() {
        var records = new IncidentFixture()
                .add(0, new IncidentEvent.Started("INC-3", "t", "x", Severity.P1, "production", "jana", null, "UTC"))
                .add(1, new IncidentEvent.CommsCopied("initial", "We are rolling back", "omar"))
                .add(1, new IncidentEvent.OperatorChanged("jana", "lee", "jana"))
                .add(1, new IncidentEvent.StatusChanged(IncidentStatus.INVESTIGATING,
                        IncidentStatus.IDENTIFIED, "lee"))
                .records();
        assertThat(renderer.render(records)).contains("| Executed by | jana, omar, lee |");
    }

    @Test
    void a_shared_incident_names_its_consoles_and_their_operators_in_the_header() throws Exception {
        var records = new IncidentFixture()
                .add(0, new IncidentEvent.Started("INC-4", "t", "x", Severity.P1, "production", "jana", null, "UTC"))
                .add(1, new IncidentEvent.IncidentShared("console-a", "redis:6380", "operator", false, "jana"))
                .add(2, new IncidentEvent.IncidentShared("console-b", "redis:6380", "comms", true, "omar"))
                .add(3, new IncidentEvent.IncidentShared("console-a", "redis:6380", "operator", false, "lee"))
                .records();
        StringBuilder md = new StringBuilder();
        renderer.prepare(RecordSource.of(records), List.of("2 events of this console were not shared yet."))
                .writeTo(md);
        assertThat(md.toString()).contains("Incident `INC-4` · environment production · runbook none\n\n"
                + "Consoles: `console-a` (jana, lee), `console-b` (omar)\n\n"
                + "**Note:** 2 events of this console were not shared yet.\n\n## Summary");
        assertThat(renderer.render(records.subList(0, 1))).as("a journal never shared has neither")
                .doesNotContain("Consoles:").doesNotContain("**Note:**");
    }

    @Test
    void an_open_incident_says_so() {
        var open = new IncidentFixture().add(0, new IncidentEvent.Started("INC-1", "t", "x", Severity.P0, "staging",
                "jane", null, "UTC")).records();
        String report = renderer.render(open);
        assertThat(report).contains("| Status | Open |", "not resolved yet", "| Resolution | not resolved yet |", "- Time to rollback: no rollback recorded",
                "No commands were run from the console.", "| Started | 16:55:01 UTC |");
    }

    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                out.append(t.getLiteral());
            }
        });
        return out.toString();
    }
}
