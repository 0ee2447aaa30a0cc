package org.incidentconsole.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.JournalRecord;

/**
 * The incident report in GitHub-flavoured markdown, from the journal alone: the same records always give
 * the same text.
 */
public final class ReportRenderer {
    public String render(List<JournalRecord> records) {
        ReportFacts f = new ReportFacts(records);
        ReportTimes t = new ReportTimes(f.started == null ? null : f.started.zone());
        StringBuilder md = new StringBuilder(8192);
        IncidentEvent.Started s = f.started;
        md.append("# Incident report: ").append(Markdown.inline(s == null ? "unknown incident" : s.title()))
                .append("\n\n");
        if (s != null) {
            md.append("Incident ").append(Markdown.code(s.id())).append(" · environment ")
                    .append(Markdown.inline(s.environment())).append(" · runbook ")
                    .append(s.runbook() == null ? "none" : Markdown.code(s.runbook())).append("\n\n");
        }
        summary(md, f, t);
        metrics(md, f);
        timeline(md, f, t);
        checklists(md, f, t);
        commands(md, f);
        healthAndBreakers(md, f);
        actionItems(md, f);
        list(md, "Lessons learned", f.state.lessons(), "None recorded.");
        list(md, "Notes", f.state.notes(), "None recorded.");
        return md.toString();
    }

    private static void summary(StringBuilder md, ReportFacts f, ReportTimes t) {
        IncidentState st = f.state;
        String severity = st.severity() == null ? null : st.severity().name()
                + (f.started != null && f.started.severity() != st.severity() ? " (started as "
                + f.started.severity().name() + ")" : "");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Date", t.date(f.startedAt));
        rows.put("Started", t.time(f.startedAt));
        rows.put("Ended", f.endedAt == null ? "not resolved yet (last event " + t.time(f.lastAt) + ")"
                : t.time(f.endedAt));
        rows.put("Duration", ReportTimes.duration(f.between(f.startedAt, f.endedAt != null ? f.endedAt : f.lastAt))
                + (f.endedAt == null ? " so far" : ""));
        rows.put("Severity", severity);
        rows.put("Trigger", f.started == null ? null : f.started.trigger());
        rows.put("Status", st.resolved() ? "Resolved" : "Open");
        rows.put("Executed by", String.join(", ", f.operators));
        rows.put("Rolled back from", f.variableWithRole("rollback-from"));
        rows.put("Rolled back to", f.variableWithRole("rollback-to"));
        rows.put("Services restarted", f.servicesRestarted.isEmpty() ? null : String.join(", ", f.servicesRestarted));
        rows.put("User impact", st.fields().get("user-impact"));
        rows.put("Root cause", st.fields().getOrDefault("root-cause", "not yet known"));
        rows.put("Action items", f.openActionItems.size() + " open (listed below)");
        md.append("## Summary\n\n| Field | Value |\n|---|---|\n");
        rows.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(Markdown.cell(v)).append(" |\n"));
        md.append('\n');
    }

    private static void metrics(StringBuilder md, ReportFacts f) {
        md.append("## Metrics\n\n");
        md.append("- Time to detect: ").append(f.detectedAt == null ? "not recorded (set the detection time)"
                : ReportTimes.duration(f.between(f.detectedAt, f.startedAt))).append('\n');
        md.append("- Time to rollback: ").append(f.rolledBackAt == null ? "no rollback recorded"
                : ReportTimes.duration(f.between(f.startedAt, f.rolledBackAt))).append('\n');
        md.append("- Time to recover: ").append(f.recoveredAt == null ? "not recovered yet"
                : ReportTimes.duration(f.between(f.detectedAt != null ? f.detectedAt : f.startedAt, f.recoveredAt)))
                .append("\n\n");
    }

    private static void timeline(StringBuilder md, ReportFacts f, ReportTimes t) {
        md.append("## Timeline\n\n");
        for (JournalRecord r : f.records) {
            md.append("- ").append(t.time(r.ts())).append(" — ").append(TimelineText.of(r.data())).append('\n');
        }
        md.append('\n');
    }

    private static void checklists(StringBuilder md, ReportFacts f, ReportTimes t) {
        md.append("## Checklists\n\n");
        Map<String, List<String>> byStep = new LinkedHashMap<>();
        Map<String, IncidentState.ChecklistMark> marks = f.state.checklist();
        if (f.runbook != null) {
            for (var step : f.runbook.steps()) {
                for (var item : step.checklist()) {
                    IncidentState.ChecklistMark m = marks.get(IncidentState.checklistKey(step.path(), item.line()));
                    byStep.computeIfAbsent(step.path(), k -> new ArrayList<>()).add(checkLine(item.text(), m, t));
                }
            }
        }
        for (IncidentState.ChecklistMark m : marks.values()) {
            boolean known = f.runbook != null && f.runbook.steps().stream().anyMatch(st -> st.path().equals(m.step())
                    && st.checklist().stream().anyMatch(i -> i.line() == m.line()));
            if (!known) {
                byStep.computeIfAbsent(m.step(), k -> new ArrayList<>()).add(checkLine(m.item(), m, t));
            }
        }
        if (byStep.isEmpty()) {
            md.append("No checklist in this incident.\n\n");
        }
        byStep.forEach((step, lines) -> {
            md.append("### ").append(Markdown.inline(step)).append("\n\n");
            lines.forEach(l -> md.append(l).append('\n'));
            md.append('\n');
        });
    }

    private static String checkLine(String text, IncidentState.ChecklistMark m, ReportTimes t) {
        if (m == null) {
            return "- [ ] " + Markdown.inline(text) + " — not ticked";
        }
        return "- [" + (m.checked() ? "x" : " ") + "] " + Markdown.inline(text) + " — "
                + (m.checked() ? "ticked" : "unticked") + " by " + Markdown.inline(m.by()) + " at " + t.time(m.at());
    }

    private static void commands(StringBuilder md, ReportFacts f) {
        md.append("## Commands run\n\n");
        boolean any = false;
        for (JournalRecord r : f.records) {
            if (r.data() instanceof IncidentEvent.StepFinished sf) {
                any = true;
                md.append("### ").append(Markdown.inline(sf.step())).append(" — ").append(Markdown.inline(sf.host()))
                        .append("\n\n**").append(sf.outcome()).append("** · exit ")
                        .append(sf.exitStatus() == null ? "none" : sf.exitStatus()).append(" · ")
                        .append(ReportTimes.millis(sf.durationMs()))
                        .append(sf.reason() == null || sf.reason().startsWith("exit status") ? ""
                                : " · " + Markdown.inline(sf.reason())).append("\n\n")
                        .append(Markdown.fence("sh", sf.command())).append('\n');
                if (sf.output() != null && !sf.output().isBlank()) {
                    md.append(Markdown.fence("text", sf.output())).append('\n');
                }
            } else if (r.data() instanceof IncidentEvent.StepSkipped sk) {
                any = true;
                md.append("### ").append(Markdown.inline(sk.step())).append(" — ").append(Markdown.inline(sk.host()))
                        .append("\n\n**SKIPPED** · ").append(Markdown.inline(sk.reason())).append("\n\n");
            }
        }
        if (!any) {
            md.append("No commands were run from the console.\n\n");
        }
    }

    private static void healthAndBreakers(StringBuilder md, ReportFacts f) {
        md.append("## Health and breakers\n\n");
        if (f.healthBeforeAfter.isEmpty()) {
            md.append("No health changes recorded.\n\n");
        } else {
            md.append("| Host / check | Before the rollback | Last seen |\n|---|---|---|\n");
            f.healthBeforeAfter.forEach((k, v) -> md.append("| ").append(Markdown.cell(k)).append(" | ")
                    .append(Markdown.cell(v[0])).append(" | ").append(Markdown.cell(v[1])).append(" |\n"));
            md.append('\n');
        }
        if (f.breakerActions.isEmpty()) {
            md.append("No breaker actions.\n\n");
        } else {
            md.append("| Breaker action | Key | Before | After | Result |\n|---|---|---|---|---|\n");
            for (var b : f.breakerActions) {
                md.append("| ").append(Markdown.cell(b.action())).append(" | ").append(Markdown.codeCell(b.key()))
                        .append(" | ").append(Markdown.cell(b.before())).append(" | ").append(Markdown.cell(b.after()))
                        .append(" | ").append(Markdown.cell(b.result())).append(" |\n");
            }
            md.append('\n');
        }
    }

    private static void actionItems(StringBuilder md, ReportFacts f) {
        md.append("## Action items\n\n");
        List<String> items = f.openActionItems;
        if (items.isEmpty()) {
            md.append("None open.\n\n");
            return;
        }
        items.forEach(i -> md.append("- [ ] ").append(Markdown.inline(i)).append('\n'));
        md.append('\n');
    }

    private static void list(StringBuilder md, String title, List<String> entries, String none) {
        md.append("## ").append(title).append("\n\n");
        if (entries.isEmpty()) {
            md.append(none).append("\n\n");
            return;
        }
        entries.forEach(e -> md.append("- ").append(Markdown.inline(e)).append('\n'));
        md.append('\n');
    }
}
