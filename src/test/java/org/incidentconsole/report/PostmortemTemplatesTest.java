package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report held against three published postmortem templates: each section they share has a heading of
 * ours, filled from the journal when the Postmortem pane was used, and saying plainly where to fill it when not.
 * Section names are the templates' own headings (Google SRE book's example postmortem, PagerDuty's postmortem
 * template, Atlassian's incident handbook template); the right column is our heading.
 */
class PostmortemTemplatesTest {
    private static final ReportSections FILLED = new ReportSections(
            new ReportRenderer().render(IncidentFixture.postmortem()));
    private static final ReportSections BARE = new ReportSections(
            new ReportRenderer().render(new IncidentFixture().add(0, new IncidentEvent
                    .Started("INC-1", "t", "x", Severity.P1, "staging", "jane", null,
                    "UTC")).records()));

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Google SRE   | Summary                   | Summary
            Google SRE   | Impact                    | Impact
            Google SRE   | Root Causes               | Root cause
            Google SRE   | Trigger                   | Trigger
            Google SRE   | Resolution                | Resolution
            Google SRE   | Detection                 | Detection
            Google SRE   | Action Items              | Action items
            Google SRE   | Lessons Learned           | Lessons learned
            Google SRE   | What went well            | What went well
            Google SRE   | What went wrong           | What went wrong
            Google SRE   | Where we got lucky        | Where we got lucky
            Google SRE   | Timeline                  | Timeline
            Google SRE   | Supporting information    | Commands run
            PagerDuty    | Summary                   | Summary
            PagerDuty    | What Happened             | Summary
            PagerDuty    | Contributing Factors      | Contributing factors
            PagerDuty    | Resolution                | Resolution
            PagerDuty    | Impact                    | Impact
            PagerDuty    | Responders                | Responders
            PagerDuty    | Timeline                  | Timeline
            PagerDuty    | How'd We Do? (went well)  | What went well
            PagerDuty    | How'd We Do? (not so well)| What went wrong
            PagerDuty    | Action Items              | Action items
            PagerDuty    | Messaging                 | Messaging
            Atlassian    | Incident summary          | Summary
            Atlassian    | Leadup                    | Trigger
            Atlassian    | Fault                     | Trigger, root cause and contributing factors
            Atlassian    | Impact                    | Impact
            Atlassian    | Detection                 | Detection
            Atlassian    | Response                  | Responders
            Atlassian    | Recovery                  | Resolution
            Atlassian    | Timeline                  | Timeline
            Atlassian    | Five whys                 | Root cause
            Atlassian    | Root cause                | Root cause
            Atlassian    | Lessons learned           | Lessons learned
            Atlassian    | Corrective actions        | Action items
            """)
    void each_shared_template_section_has_our_heading_filled_from_the_journal(String template, String section,
                                                                               String ours) {
        assertThat(FILLED.sections).as(template + " " + section).containsKey(ours);
        assertThat(FILLED.sections.get(ours)).as(ours + " when filled").isNotBlank().doesNotContain("Not entered");
        assertThat(BARE.sections).as(ours + " in a journal with nothing entered").containsKey(ours);
        assertThat(BARE.sections.get(ours)).as(ours + " when nothing was entered").isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Summary                | A release shipped a stale config cache.
            Impact                 | About 300 users could not book; 1,200 requests failed
            Impact                 | P1 | 3 min 23 s
            Detection              | The api-health check paged the on-call
            Trigger                | The 16:40 deploy
            Root cause             | A config cache from the new release
            Contributing factors   | - No canary for config changes
            Resolution             | Rolled back to def5678 and restarted PHP-FPM
            Resolution             | Service healthy for 15 minutes
            Responders             | omar
            Responders             | lea
            What went well         | The rollback runbook worked first time
            What went wrong        | Nobody watched the deploy's error rate
            Where we got lucky     | It happened outside the booking peak
            Action items           | Canary config changes | prevent | omar | https://tracker.example/OPS-42
            Action items           | Alert on the deploy's error rate | mitigate | lea | OPS-43
            Messaging              | Bookings are failing; we are rolling back.
            """)
    void each_section_shows_what_was_entered(String heading, String expected) {
        assertThat(FILLED.sections.get(heading)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Summary              | Not entered — Postmortem pane, field “Summary”.
            Impact               | Not entered — Postmortem pane, field “Impact”.
            Detection            | Not entered — Postmortem pane, field “Detection time”.
            Root cause           | Not entered — Postmortem pane, field “Root cause”.
            Contributing factors | Not entered — Postmortem pane, field “Contributing factors”.
            Where we got lucky   | Not entered — Postmortem pane, field “Where we got lucky”.
            Responders           | Not named — Postmortem pane
            Action items         | None entered — Postmortem pane.
            """)
    void a_section_never_entered_says_where_to_enter_it(String heading, String expected) {
        assertThat(BARE.sections.get(heading)).containsIgnoringCase(expected);
        assertThat(BARE.sections.values()).noneMatch(s -> s.contains("set the detection time"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"postmortem", "rollback"})
    void every_table_has_one_cell_count_throughout_and_parses_as_a_table(String fixture) {
        String report = new ReportRenderer().render(fixture.equals("postmortem") ? IncidentFixture.postmortem()
                : IncidentFixture.rollback());
        List<String> problems = new ArrayList<>();
        int runs = ReportSections.tablesWithConsistentColumns(report, problems);
        assertThat(problems).isEmpty();
        assertThat(new ReportSections(report).tables).hasSize(runs).hasSizeGreaterThanOrEqualTo(4);
    }
}
