package org.incidentconsole.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.HandClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: messages sent from the console, in the report's messaging section and its timeline. */
class MessagingReportTest {
    @TempDir
    Path dir;
    private final HandClock clock = new HandClock(Instant.parse("2026-11-24T14:00:00Z"));
    private IncidentSession session;

    @BeforeEach
    void start() throws Exception {
        session = new IncidentStore(dir, clock).start("Checkout fails", "alert", Severity.P1, "drill", "jana", null,
                "Europe/Berlin");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void at(long secondsLater, IncidentEvent e) throws Exception {
        clock.advance(Duration.ofSeconds(secondsLater));
        session.record(e).get();
    }

    private String report() throws Exception {
        StringWriter out = new StringWriter();
        new ReportRenderer().prepare(RecordSource.journal(session.journalFile())).writeTo(out);
        return out.toString();
    }

    private static String section(String report, String heading) {
        int from = report.indexOf("## " + heading + "\n");
        int to = report.indexOf("\n## ", from + 1);
        return report.substring(from, to < 0 ? report.length() : to);
    }

    @Test
    void each_message_lists_who_sent_which_template_each_channels_result_and_its_text() throws Exception {
        at(60, new IncidentEvent.MessagePosted("m1", "initial", "[P1] Checkout fails", "Checkout fails\nWe are on it.",
                List.of("ops", "mail", "pager", "leads"), null, "someone-else"));
        at(2, new IncidentEvent.MessageDelivery("m1", "ops", "delivered", 200, "ok", 1, null));
        at(1, new IncidentEvent.MessageDelivery("m1", "mail", "failed", 550, "mailbox unavailable", 3, null));
        at(4, new IncidentEvent.MessageDelivery("m1", "pager", "cancelled", 429, "rate limited", 2, null));
        at(600, new IncidentEvent.MessagePosted("m2", "progress", "[P1] Checkout fails: update", "Step 2 of 5.",
                List.of("status-page"), "identified", "jana"));
        at(1, new IncidentEvent.MessageDelivery("m2", "status-page", "delivered", 201, null, 1, "p31zjtct2jer"));

        String messaging = section(report(), "Messaging");
        assertThat(messaging).contains("""
                ### 14:01:00 UTC (15:01:00 +01:00) — initial message sent by jana

                - `ops`: delivered at 14:01:02 UTC (15:01:02 +01:00)
                - `mail`: failed: mailbox unavailable (status 550) (after 3 tries)
                - `pager`: cancelled: rate limited (after 2 tries)
                - `leads`: no result recorded (still sending when the journal ends)

                Subject: \\[P1\\] Checkout fails

                ```text
                Checkout fails
                We are on it.
                ```
                """);
        assertThat(messaging).contains("""
                ### 14:11:07 UTC (15:11:07 +01:00) — progress message sent by jana

                - `status-page`: delivered at 14:11:08 UTC (15:11:08 +01:00)
                - Status page moved to identified
                """);
        assertThat(messaging.indexOf("initial message")).isLessThan(messaging.indexOf("progress message"));
    }

    @Test
    void the_timeline_shows_the_message_and_each_channels_result() throws Exception {
        at(60, new IncidentEvent.MessagePosted("m1", "initial", "s", "t", List.of("ops", "mail"), null, "jana"));
        at(2, new IncidentEvent.MessageDelivery("m1", "ops", "delivered", 200, "ok", 1, null));
        at(1, new IncidentEvent.MessageDelivery("m1", "mail", "failed", 550, "mailbox unavailable", 3, null));

        String timeline = section(report(), "Timeline");
        assertThat(timeline).contains("14:01:00 UTC (15:01:00 +01:00) — Message sent by jana (initial) to ops, mail",
                "14:01:02 UTC (15:01:02 +01:00) — Message delivered on ops\n",
                "14:01:03 UTC (15:01:03 +01:00) — Message failed on mail after 3 tries: mailbox unavailable"
                        + " (status 550)\n");
    }

    @Test
    void a_journal_without_messages_still_says_so() throws Exception {
        at(60, new IncidentEvent.NoteAdded("nothing sent yet", "jana"));
        assertThat(section(report(), "Messaging")).contains("No message recorded as copied or sent.");
    }
}
