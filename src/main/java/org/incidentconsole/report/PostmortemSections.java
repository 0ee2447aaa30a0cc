package org.incidentconsole.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.incidentconsole.incident.CommsHistory;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.severity.Severity;

/**
 * The postmortem half of the report, before the evidence: what happened, impact, detection, causes,
 * resolution, responders, lessons, action items and messaging. Every entered field is prose from the
 * journal's last save; every computed figure comes from the journal's times.
 */
final class PostmortemSections {
    /** The roles the report always lists, in this order; other roles named in the journal follow. */
    static final List<String> ROLES = List.of("incident-commander", "operator", "comms", "scribe");

    private final StringBuilder md;
    private final ReportFacts f;
    private final ReportTimes t;

    PostmortemSections(StringBuilder md, ReportFacts f, ReportTimes t) {
        this.md = md;
        this.f = f;
        this.t = t;
    }

    void impact() {
        md.append("## Impact\n\n");
        prose(PostmortemField.IMPACT);
        Map<Severity, Duration> spent = f.timeAtSeverity();
        if (!spent.isEmpty()) {
            md.append("| Severity | Time at it |\n|---|---|\n");
            spent.forEach((sev, d) -> md.append("| ").append(sev).append(" | ").append(ReportTimes.duration(d))
                    .append(f.endedAt == null ? " so far" : "").append(" |\n"));
            md.append('\n');
        }
    }

    void detection() {
        md.append("## Detection\n\n");
        prose(PostmortemField.DETECTION);
        md.append("- Detected at: ").append(f.detectedAt == null ? PostmortemField.DETECTED_AT.notEntered()
                : t.time(f.detectedAt)).append('\n');
        md.append("- Incident started: ").append(t.time(f.startedAt)).append('\n');
        md.append("- Time to detect: ").append(f.detectedAt == null ? "not known (no detection time entered)"
                : ReportTimes.duration(f.between(f.detectedAt, f.startedAt))).append('\n');
        IncidentEvent.HealthTransition a = f.firstAlert;
        md.append("- First health alert: ").append(a == null ? "none recorded" : t.time(f.firstAlertAt) + ", "
                + Markdown.code(a.host()) + " " + Markdown.inline(a.check()) + " " + Markdown.inline(a.to())
                + (a.value() == null ? "" : " (" + Markdown.inline(a.value()) + ")")).append("\n\n");
    }

    void causes() {
        md.append("## Trigger, root cause and contributing factors\n\n");
        for (PostmortemField field : List.of(PostmortemField.TRIGGER, PostmortemField.ROOT_CAUSE,
                PostmortemField.CONTRIBUTING_FACTORS)) {
            md.append("### ").append(field.label()).append("\n\n");
            if (field == PostmortemField.TRIGGER && f.field(field) == null && f.started != null
                    && f.started.trigger() != null && !f.started.trigger().isBlank()) {
                md.append("As given at the start: ").append(Markdown.inline(f.started.trigger())).append("\n\n");
            } else {
                prose(field);
            }
        }
    }

    void resolution() {
        md.append("## Resolution\n\n");
        prose(PostmortemField.RESOLUTION);
        md.append("- Resolved: ").append(f.resolved == null ? "not yet" : t.time(f.endedAt) + " by "
                + Markdown.inline(f.resolved.by()) + " — " + Markdown.inline(f.resolved.summary())).append('\n');
        md.append("- Time to rollback: ").append(f.rolledBackAt == null ? "no rollback recorded"
                : ReportTimes.duration(f.between(f.startedAt, f.rolledBackAt))).append('\n');
        md.append("- Time to recover: ").append(f.recoveredAt == null ? "not recovered yet"
                : ReportTimes.duration(f.between(f.detectedAt != null ? f.detectedAt : f.startedAt, f.recoveredAt))
                + " (from " + (f.detectedAt != null ? "detection" : "the incident's start") + " to "
                + f.recoveredBy + ")").append("\n\n");
    }

    void responders() {
        md.append("## Responders\n\n| Role | People |\n|---|---|\n");
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        ROLES.forEach(r -> roles.put(r, new LinkedHashSet<>()));
        f.roles.forEach((role, people) -> roles.computeIfAbsent(role, k -> new LinkedHashSet<>()).addAll(people));
        if (roles.get("incident-commander").isEmpty() && f.started != null && f.started.operator() != null) {
            roles.get("incident-commander").add(f.started.operator() + " (started the incident)");
        }
        roles.get("operator").addAll(f.operators);
        roles.forEach((role, people) -> md.append("| ").append(Markdown.cell(roleLabel(role))).append(" | ")
                .append(people.isEmpty() ? "not named — " + PostmortemField.WHERE
                        : Markdown.cell(String.join(", ", people))).append(" |\n"));
        md.append("\nOperators are everyone who signed an act in the journal.\n\n");
    }

    void lessons() {
        md.append("## Lessons learned\n\n");
        for (PostmortemField field : List.of(PostmortemField.WENT_WELL, PostmortemField.WENT_WRONG,
                PostmortemField.LUCKY)) {
            md.append("### ").append(field.label()).append("\n\n");
            prose(field);
        }
        if (!f.state.lessons().isEmpty()) {
            md.append("### Other lessons\n\n");
            f.state.lessons().forEach(l -> md.append("- ").append(Markdown.inline(l)).append('\n'));
            md.append('\n');
        }
    }

    void actionItems() {
        md.append("## Action items\n\n");
        List<String[]> rows = new ArrayList<>();
        for (IncidentEvent.ActionItemAdded a : f.actionItems) {
            String type = a.type() == null ? null : ActionItemType.byKey(a.type()).map(ActionItemType::key)
                    .orElse(a.type());
            rows.add(new String[] {Markdown.cell(a.text()), Markdown.cell(type), Markdown.cell(a.owner()),
                    ticket(a.ticket())});
        }
        for (String item : f.untickedItems) {
            rows.add(new String[] {Markdown.cell(item), "process", "—", "—"});
        }
        if (rows.isEmpty()) {
            md.append("None entered — ").append(PostmortemField.WHERE).append(".\n\n");
            return;
        }
        md.append("| Item | Type | Owner | Ticket |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
        md.append('\n');
    }

    void messaging() {
        md.append("## Messaging\n\n");
        if (f.messages.isEmpty()) {
            md.append("No message recorded as copied or sent.\n\n");
            return;
        }
        for (Messages.Message m : f.messages) {
            if (m.id() != null) {
                sent(m);
                continue;
            }
            md.append("### ").append(t.time(m.at())).append(" — ").append(m.how()).append(" ")
                    .append(Markdown.inline(m.channel() == null ? "" : "to " + m.channel()))
                    .append(m.by() == null ? "" : " by " + Markdown.inline(m.by())).append("\n\n")
                    .append(Markdown.fence("text", m.text() == null ? "" : m.text())).append('\n');
        }
    }

    /** A message sent from the console (#21): who, which template, each channel's result, the subject and text. */
    private void sent(Messages.Message m) {
        md.append("### ").append(t.time(m.at())).append(" — ").append(Markdown.inline(m.channel())).append(" sent")
                .append(m.by() == null ? "" : " by " + Markdown.inline(m.by())).append("\n\n");
        Optional<CommsHistory.Posted> posted = f.state.comms().message(m.id());
        List<String> channels = posted.map(p -> p.message().channels()).orElse(null);
        for (String channel : channels == null ? List.<String>of() : channels) {
            md.append("- ").append(Markdown.code(channel)).append(": ")
                    .append(posted.get().delivery(channel).map(this::result)
                            .orElse("no result recorded (still sending when the journal ends)"))
                    .append('\n');
        }
        if (posted.map(p -> p.message().phase()).orElse(null) != null) {
            md.append("- Status page moved to ").append(Markdown.inline(posted.get().message().phase()))
                    .append('\n');
        }
        md.append('\n');
        if (m.subject() != null && !m.subject().isBlank()) {
            md.append("Subject: ").append(Markdown.inline(m.subject())).append("\n\n");
        }
        md.append(Markdown.fence("text", m.text() == null ? "" : m.text())).append('\n');
    }

    /** "delivered at 16:57:02 UTC", "failed: HTTP 404 no_service (after 3 tries)", "cancelled". */
    private String result(CommsHistory.Settled s) {
        IncidentEvent.MessageDelivery d = s.delivery();
        String tries = d.attempts() > 1 ? " (after " + d.attempts() + " tries)" : "";
        String why = d.reason() == null || d.reason().isBlank() ? "" : ": " + Markdown.inline(d.reason());
        String status = d.status() == null ? "" : " (status " + d.status() + ")";
        return switch (d.result() == null ? "" : d.result()) {
            case "delivered" -> "delivered at " + t.time(s.at()) + tries;
            case "failed" -> "failed" + why + status + tries;
            case "cancelled" -> "cancelled" + why + tries;
            default -> Markdown.inline(d.result()) + why + tries;
        };
    }

    static String roleLabel(String role) {
        String words = role == null ? "" : role.strip().replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A link stays a link (angle brackets keep GFM from reading it otherwise); anything else is text. */
    private static String ticket(String ticket) {
        if (ticket == null || ticket.isBlank()) {
            return "—";
        }
        String t = ticket.strip();
        if (t.matches("https?://[^\\s<>|]+")) {
            return "<" + t + ">";
        }
        return Markdown.cell(t);
    }

    private void prose(PostmortemField field) {
        ReportFacts.Saved saved = f.postmortem.get(field);
        if (saved == null) {
            md.append(field.notEntered()).append("\n\n");
            return;
        }
        md.append(Paragraphs.of(saved.value())).append("\n\n_Entered by ").append(Markdown.inline(saved.by()))
                .append(" at ").append(t.time(saved.at())).append("._\n\n");
    }
}
