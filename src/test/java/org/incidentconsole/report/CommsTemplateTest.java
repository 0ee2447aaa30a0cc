package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 21: the comms templates filled from the journal, plain text, each with a subject. */
class CommsTemplateTest {
    /** The fixture's rollback, 12 minutes after its start (17:07:01 UTC, 18:07 in Berlin). */
    private final IncidentState state = IncidentState.replay(IncidentFixture.rollback());
    private final Instant now = Instant.parse("2026-11-23T17:07:01Z");
    private final CommsFacts facts = CommsFacts.of(state, 3, 7, "Clear the application caches", now,
            Duration.ofMinutes(5));

    @Test
    void the_facts_come_from_the_journal_with_the_next_update_in_the_incidents_zone() {
        assertThat(facts).isEqualTo(new CommsFacts("API returns 500 after the 16:40 deploy", Severity.P2,
                "resolved", "production", "INC-20261123-165501-1a2b", "jane", "Health endpoint failing", 3, 7,
                "Clear the application caches", "abc1234", "def5678",
                "Bookings failed for 12 minutes | about 300 users", Duration.ofSeconds(720), "18:12"));
    }

    @Test
    void the_initial_alert_says_what_how_bad_where_who_and_when_the_next_update_comes() {
        CommsTemplate.Filled initial = CommsTemplate.INITIAL.fill(facts);
        assertThat(initial.subject()).isEqualTo("[P2] API returns 500 after the 16:40 deploy");
        assertThat(initial.text()).isEqualTo("""
                API returns 500 after the 16:40 deploy
                Severity: P2 (minor: a feature degraded, a workaround exists)
                Status: resolved
                Environment: production
                Trigger: Health endpoint failing
                User impact: Bookings failed for 12 minutes | about 300 users
                Incident INC-20261123-165501-1a2b, handled by jane.
                We are on it. Next update by 18:12.""");
    }

    @Test
    void progress_says_which_step_of_how_many_what_was_rolled_back_and_how_long_it_runs() {
        CommsTemplate.Filled progress = CommsTemplate.PROGRESS.fill(facts);
        assertThat(progress.subject()).isEqualTo("[P2] API returns 500 after the 16:40 deploy: update");
        assertThat(progress.text()).contains("Status: resolved, for 12 min 0 s now\n",
                "Where we are: step 3 of 7, Clear the application caches\n",
                "Rolled back to def5678 from abc1234.\n", "Next update by 18:12.");
    }

    @Test
    void rollback_complete_says_from_and_to_and_resolved_promises_no_more_updates() {
        assertThat(CommsTemplate.ROLLBACK.text(facts)).contains("rollback complete",
                "Now running def5678 (was abc1234).", "Next update by 18:12.");
        assertThat(CommsTemplate.RESOLVED.fill(facts).subject()).endsWith(": resolved");
        assertThat(CommsTemplate.RESOLVED.text(facts)).contains("is resolved after 12 min 0 s",
                "Rolled back to def5678 from abc1234.").doesNotContain("Next update");
    }

    @Test
    void before_anything_is_known_the_messages_say_so_instead_of_printing_null() {
        List<JournalRecord> records = new ArrayList<>();
        records.add(new JournalRecord(1, now, JournalRecord.SCHEMA_VERSION, new IncidentEvent.Started("INC-2",
                "Logins slow", "", Severity.P1, "staging", "omar", null, "UTC")));
        CommsFacts early = CommsFacts.of(IncidentState.replay(records), now.plusSeconds(30), Duration.ofMinutes(15));
        assertThat(early.impact()).isEqualTo(CommsFacts.IMPACT_UNKNOWN);
        assertThat(early.nextUpdate()).isEqualTo("17:22");
        for (CommsTemplate t : CommsTemplate.values()) {
            assertThat(t.subject(early) + "\n" + t.text(early)).as(t.word()).doesNotContain("null", "Trigger:");
        }
        assertThat(CommsTemplate.PROGRESS.text(early)).contains("Where we are: no runbook step under way\n",
                "User impact: being assessed\n");
        assertThat(CommsTemplate.ROLLBACK.text(early)).contains("Now running the previous release.");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CommsTemplate.class)
    void every_template_is_plain_text_without_markdown_and_found_by_its_word(CommsTemplate t) {
        assertThat(CommsTemplate.byWord(" " + t.word().toUpperCase() + " ")).contains(t);
        assertThat(t.label()).isNotBlank();
        assertThat(t.subject(facts)).startsWith("[P2] API returns 500").doesNotContain("\n");
        assertThat(t.text(facts)).doesNotContain("**", "# ", "`", "_");
    }

    @Test
    void free_text_has_a_subject_and_leaves_the_text_to_the_operator() {
        assertThat(CommsTemplate.FREE.fill(facts)).isEqualTo(new CommsTemplate.Filled(
                "[P2] API returns 500 after the 16:40 deploy", ""));
        assertThat(CommsTemplate.byWord("status")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"text, the text", "subject, the subject", "title, API returns 500 after the 16:40 deploy",
            "severity, P2", "status, resolved", "incident, INC-20261123-165501-1a2b", "environment, production",
            "template, progress", "operator, jane", "next_update, 18:12"})
    void a_webhook_body_template_finds_each_fact_by_name(String name, String value) {
        assertThat(facts.values("progress", "the subject", "the text")).containsEntry(name, value).hasSize(10);
    }
}
