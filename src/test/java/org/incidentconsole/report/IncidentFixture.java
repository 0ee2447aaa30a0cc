package org.incidentconsole.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentEvent.RunbookLoaded;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.severity.Severity;

/** A whole incident as journal records, at fixed times: the input of the report tests. */
final class IncidentFixture {
    private final List<JournalRecord> records = new ArrayList<>();
    private Instant at = Instant.parse("2026-11-23T16:55:01Z");

    IncidentFixture add(long secondsLater, IncidentEvent event) {
        at = at.plusSeconds(secondsLater);
        records.add(new JournalRecord(records.size() + 1, at, JournalRecord.SCHEMA_VERSION, event));
        return this;
    }

    List<JournalRecord> records() {
        return List.copyOf(records);
    }

    static List<JournalRecord> rollback() {
        String step2 = "Emergency rollback › Roll back › Step 2: Switch to the stable release (1 minute)";
        String step5 = "Emergency rollback › Roll back › Step 5: Restart the services (1 minute)";
        String confirm = "Emergency rollback › After the rollback › Confirm recovery (5 minutes)";
        return new IncidentFixture()
                .add(0, new IncidentEvent.Started("INC-20261123-165501-1a2b", "API returns 500 after the 16:40 deploy",
                        "Health endpoint failing", Severity.P1, "production", "jane", "emergency-rollback.md",
                        "Europe/Berlin"))
                .add(2, new RunbookLoaded("runbooks/emergency-rollback.md", "Emergency rollback", List.of(
                        new RunbookLoaded.StepOutline(step2, 44, List.of()),
                        new RunbookLoaded.StepOutline(step5, 72, List.of()),
                        new RunbookLoaded.StepOutline(confirm, 99, List.of(
                                new RunbookLoaded.Item(100, "The health endpoint answers 200"),
                                new RunbookLoaded.Item(101, "No new errors in the last 20 log lines"),
                                new RunbookLoaded.Item(102, "Webhooks are being processed"))))))
                .add(5, new IncidentEvent.HealthTransition("web-01", "api-health", "OK", "CRITICAL", "HTTP 500"))
                .add(1, new IncidentEvent.FieldSet("detected-at", "2026-11-23T16:51:30Z", "jane"))
                .add(20, new IncidentEvent.VariableSet("deployed_ref", "abc1234", "rollback-from"))
                .add(9, new IncidentEvent.VariableSet("stable_ref", "def5678", "rollback-to"))
                .add(4, new IncidentEvent.DangerConfirmed(step2, "git checkout --detach def5678",
                        "changes the code that serves users", "production", "jane"))
                .add(1, new IncidentEvent.StepStarted(step2, "web-01", "set -e\ngit checkout --detach def5678"))
                .add(2, new IncidentEvent.StepFinished(step2, "web-01", "set -e\ngit checkout --detach def5678",
                        StepOutcome.OK, 0,
                        1234, "exit status 0", "HEAD is now at def5678 Fix booking timeout\n```nested fence```",
                        Map.of()))
                .add(0, new IncidentEvent.Milestone("ROLLED_BACK", step2 + " → def5678"))
                .add(30, new IncidentEvent.DangerConfirmed(step5, "sudo systemctl restart php8.3-fpm",
                        "restarts or stops a service", "production", "jane"))
                .add(1, new IncidentEvent.StepStarted(step5, "web-01", "set -e\nsudo systemctl restart php8.3-fpm"))
                .add(3, new IncidentEvent.StepFinished(step5, "web-01", "set -e\nsudo systemctl restart php8.3-fpm",
                        StepOutcome.OK, 0, 2950, "exit status 0", "", Map.of()))
                .add(0, new IncidentEvent.StepSkipped(step5, "web-02", "cancelled by the operator"))
                .add(0, new IncidentEvent.BreakerAction("reset", "circuit_breaker:calcom:state", "open", "closed", "ok"))
                .add(40, new IncidentEvent.HealthTransition("web-01", "api-health", "CRITICAL", "OK", "HTTP 200"))
                .add(20, new IncidentEvent.ChecklistToggled(confirm, 100, "The health endpoint answers 200", true, "jane"))
                .add(5, new IncidentEvent.ChecklistToggled(confirm, 101, "No new errors in the last 20 log lines", true,
                        "omar"))
                .add(60, new IncidentEvent.SeverityChanged(Severity.P1, Severity.P2, "service restored", "jane"))
                .add(10, new IncidentEvent.FieldSet("user-impact", "Bookings failed for 12 minutes | about 300 users",
                        "jane"))
                .add(5, new IncidentEvent.FieldSet("root-cause", "A config cache from the new release", "jane"))
                .add(5, new IncidentEvent.NoteAdded("Status page updated", "omar"))
                .add(5, new IncidentEvent.ActionItemAdded("Clear config cache in the deploy script", "jane"))
                .add(5, new IncidentEvent.LessonAdded("Canary the config change first", "jane"))
                .add(30, new IncidentEvent.Resolved("Service healthy for 15 minutes", "jane"))
                .records();
    }

    /** The rollback with every postmortem field filled in, roles named, typed action items and a message sent. */
    static List<JournalRecord> postmortem() {
        IncidentFixture f = new IncidentFixture();
        f.records.addAll(rollback());
        f.at = f.records.get(f.records.size() - 1).ts();
        return f.add(10, new IncidentEvent.RoleAssigned("comms", "omar", "jane"))
                .add(1, new IncidentEvent.RoleAssigned("scribe", "lea", "jane"))
                .add(1, new IncidentEvent.MessageSent("status page", "Bookings are failing; we are rolling back.",
                        "omar"))
                .add(30, new IncidentEvent.FieldSet("summary", "A release shipped a stale config cache.\n\n"
                        + "Bookings failed until the rollback.", "jane"))
                .add(5, new IncidentEvent.FieldSet("impact", "About 300 users could not book; 1,200 requests failed",
                        "jane"))
                .add(5, new IncidentEvent.FieldSet("detection", "The api-health check paged the on-call", "jane"))
                .add(5, new IncidentEvent.FieldSet("trigger", "The 16:40 deploy", "jane"))
                .add(5, new IncidentEvent.FieldSet("contributing-factors", "- No canary for config changes", "lea"))
                .add(5, new IncidentEvent.FieldSet("resolution", "Rolled back to def5678 and restarted PHP-FPM",
                        "jane"))
                .add(5, new IncidentEvent.FieldSet("went-well", "The rollback runbook worked first time", "lea"))
                .add(5, new IncidentEvent.FieldSet("went-wrong", "Nobody watched the deploy's error rate", "lea"))
                .add(5, new IncidentEvent.FieldSet("lucky", "It happened outside the booking peak", "lea"))
                .add(5, new IncidentEvent.ActionItemAdded("Canary config changes", "jane", "prevent", "omar",
                        "https://tracker.example/OPS-42"))
                .add(5, new IncidentEvent.ActionItemAdded("Alert on the deploy's error rate", "jane", "mitigate", "lea",
                        "OPS-43"))
                .records();
    }
}
