package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;

/** Issue 21: the messages sent, their deliveries and the cadence's anchor, folded from the journal. */
class CommsHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-24T14:00:00Z");
    private final List<JournalRecord> records = new ArrayList<>();

    private CommsHistoryTest at(long seconds, IncidentEvent e) {
        records.add(new JournalRecord(records.size() + 1, T0.plusSeconds(seconds), JournalRecord.SCHEMA_VERSION, e));
        return this;
    }

    private CommsHistoryTest started() {
        return at(0, new IncidentEvent.Started("INC-1", "Checkout fails", "alert", Severity.P1, "production", "jane",
                null, "Europe/Berlin"));
    }

    private static IncidentEvent.MessagePosted posted(String id, String template, String... channels) {
        return new IncidentEvent.MessagePosted(id, template, "subject " + id, "text " + id, List.of(channels), null,
                "jane");
    }

    private static IncidentEvent.MessageDelivery delivery(String id, String channel, String result, String ref) {
        return new IncidentEvent.MessageDelivery(id, channel, result, "delivered".equals(result) ? 200 : 404,
                "delivered".equals(result) ? "ok" : "no_service", 1, ref);
    }

    private CommsHistory comms() {
        return IncidentState.replay(records).comms();
    }

    @Test
    void a_journal_without_comms_has_none_and_the_old_constructor_still_builds_a_state() {
        started();
        assertThat(comms()).isEqualTo(CommsHistory.NONE);
        IncidentState s = IncidentState.empty();
        IncidentState old = new IncidentState(s.started(), s.startedAt(), s.severity(), s.variables(),
                s.variableRoles(), s.checklist(), s.lastRuns(), s.health(), s.fields(), s.notes(), s.actionItems(),
                s.lessons(), s.milestones(), s.resolved(), s.lastSeq(), s.lastAt(), s.lifecycle(), s.walk());
        assertThat(old).isEqualTo(s);
    }

    @Test
    void each_message_holds_its_deliveries_by_channel_with_the_time_each_settled() {
        started().at(60, posted("m1", "initial", "ops", "mail"))
                .at(61, delivery("m1", "ops", "delivered", null))
                .at(75, delivery("m1", "mail", "failed", null));
        CommsHistory.Posted m1 = comms().message("m1").orElseThrow();
        assertThat(m1.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(m1.message().channels()).containsExactly("ops", "mail");
        assertThat(m1.deliveries().keySet()).containsExactly("ops", "mail");
        assertThat(m1.delivery("ops").orElseThrow().at()).isEqualTo(T0.plusSeconds(61));
        assertThat(m1.delivery("ops").orElseThrow().delivered()).isTrue();
        assertThat(m1.delivery("mail").orElseThrow().delivery().reason()).isEqualTo("no_service");
        assertThat(m1.reachedAnyone()).isTrue();
    }

    @Test
    void the_cadence_counts_from_when_an_update_first_reached_a_channel_not_from_failed_or_free_messages() {
        started().at(60, posted("m1", "initial", "ops", "mail"))
                .at(62, delivery("m1", "ops", "delivered", null))
                .at(70, delivery("m1", "mail", "delivered", null)); // a second channel does not move it
        assertThat(comms().firstAlertAt()).isEqualTo(T0.plusSeconds(62));
        assertThat(comms().lastUpdateAt()).isEqualTo(T0.plusSeconds(62));

        at(400, posted("m2", "progress", "ops")).at(401, delivery("m2", "ops", "failed", null));
        at(500, posted("m3", "free", "ops")).at(501, delivery("m3", "ops", "delivered", null));
        at(600, posted("m4", "progress", "ops")); // still sending when the journal ends
        assertThat(comms().lastUpdateAt()).as("failed, free and unsettled messages told nobody an update")
                .isEqualTo(T0.plusSeconds(62));
        assertThat(comms().message("m4").orElseThrow().deliveries()).isEmpty();

        at(900, posted("m5", "rollback", "ops")).at(903, delivery("m5", "ops", "delivered", null));
        assertThat(comms().lastUpdateAt()).isEqualTo(T0.plusSeconds(903));
        assertThat(comms().firstAlertAt()).isEqualTo(T0.plusSeconds(62));
        assertThat(comms().messages()).extracting(p -> p.message().id()).containsExactly("m1", "m2", "m3", "m4",
                "m5");
    }

    @Test
    void the_status_page_ref_comes_from_the_latest_delivery_there_that_returned_one() {
        started().at(10, posted("m1", "initial", "status-page"))
                .at(11, delivery("m1", "status-page", "delivered", "p31zjtct2jer"))
                .at(20, posted("m2", "progress", "status-page"))
                .at(21, delivery("m2", "status-page", "delivered", null))
                .at(30, posted("m3", "progress", "status-page", "ops"))
                .at(31, delivery("m3", "status-page", "failed", "zzz"))
                .at(32, delivery("m3", "ops", "delivered", "not-the-page"));
        assertThat(comms().statusPageRef()).isEqualTo("p31zjtct2jer");
    }

    @Test
    void a_delivery_of_an_unknown_message_is_ignored_and_replay_equals_folding_one_by_one() {
        started().at(10, delivery("nope", "ops", "delivered", null))
                .at(20, posted("m1", "initial", "ops")).at(21, delivery("m1", "ops", "delivered", null));
        IncidentState stepwise = IncidentState.empty();
        for (JournalRecord r : records) {
            stepwise = stepwise.apply(r);
        }
        assertThat(stepwise).isEqualTo(IncidentState.replay(records));
        assertThat(stepwise.comms().messages()).hasSize(1);
        assertThat(stepwise.comms().message("m1").orElseThrow().deliveries()).containsOnlyKeys("ops");
        assertThat(Map.copyOf(stepwise.fields())).isEmpty();
    }
}
