package org.incidentconsole.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentState;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;

/**
 * The incident report in GitHub-flavoured markdown, from the journal alone: the same records always give
 * the same text. A journal is read in passes (facts, timeline, commands), one record at a time, so a long
 * journal is reported in bounded memory when the report goes to a writer.
 */
public final class ReportRenderer {
    public String render(List<JournalRecord> records) {
        StringBuilder md = new StringBuilder(8192);
        try {
            prepare(RecordSource.of(records)).writeTo(md);
        } catch (IOException | JournalException e) {
            throw new IllegalStateException("a report in memory cannot fail to be written", e);
        }
        return md.toString();
    }

    /** Reads the facts the report needs (the first pass); {@link Prepared#writeTo} then writes it. */
    public Prepared prepare(RecordSource source) throws JournalException {
        return prepare(source, List.of());
    }

    /**
     * As {@link #prepare(RecordSource)}, with sentences the header adds under the incident's line (#22: the
     * events of this console a shared report holds that the shared timeline does not have yet).
     */
    public Prepared prepare(RecordSource source, List<String> notes) throws JournalException {
        ReportFacts facts = new ReportFacts();
        JournalReader.Scan scan = source.each(facts::accept);
        return new Prepared(source, facts.finish(), scan, List.copyOf(notes));
    }

    /** A report whose facts are known: what the first pass read, and the writing of the text. */
    public static final class Prepared {
        private final RecordSource source;
        private final ReportFacts f;
        private final JournalReader.Scan scan;
        private final List<String> notes;

        private Prepared(RecordSource source, ReportFacts facts, JournalReader.Scan scan, List<String> notes) {
            this.source = source;
            this.f = facts;
            this.scan = scan;
            this.notes = notes;
        }

        /** What the first pass read: record count, dropped torn line. */
        public JournalReader.Scan scan() {
            return scan;
        }

        public void writeTo(Appendable out) throws IOException, JournalException {
            ReportTimes t = new ReportTimes(f.started == null ? null : f.started.zone());
            StringBuilder md = new StringBuilder(8192);
            header(md, f);
            notes.forEach(n -> md.append("**Note:** ").append(Markdown.inline(n)).append("\n\n"));
            summary(md, f, t);
            PostmortemSections pm = new PostmortemSections(md, f, t);
            pm.impact();
            pm.detection();
            pm.causes();
            pm.resolution();
            pm.responders();
            pm.lessons();
            pm.actionItems();
            pm.messaging();
            md.append("## Timeline\n\n");
            out.append(md);
            eachRecord(out, (r, line) -> timeline(line, r, t));
            md.setLength(0);
            md.append('\n');
            md.append("## Commands run\n\n");
            out.append(md);
            boolean[] any = new boolean[1];
            eachRecord(out, (r, line) -> any[0] |= command(line, r));
            md.setLength(0);
            if (!any[0]) {
                md.append("No commands were run from the console.\n\n");
            }
            healthAndBreakers(md, f);
            out.append(md);
            md.setLength(0);
            trends(md);
            checklists(md, f, t);
            list(md, "Notes", f.state.notes(), "None recorded.");
            out.append(md);
        }

        /** #19 trends: another pass, the samples and breaker changes into columns, then the charts. */
        private void trends(StringBuilder md) throws JournalException {
            if (f.trendsFrom == null) {
                return; // journals without samples report as before
            }
            ReportTrends trends = new ReportTrends(f.trendsFrom, f.lastAt, f.rolledBackAt);
            long[] seen = new long[1];
            source.each(r -> {
                if (seen[0]++ < f.records) {
                    trends.accept(r);
                }
            });
            trends.writeTo(md);
        }

        /** Another pass over the records the facts came from (a live journal may have grown since). */
        private void eachRecord(Appendable out, BiConsumer<JournalRecord, StringBuilder> render)
                throws IOException, JournalException {
            StringBuilder line = new StringBuilder(1024);
            long[] seen = new long[1];
            try {
                source.each(r -> {
                    if (seen[0]++ >= f.records) {
                        return;
                    }
                    line.setLength(0);
                    render.accept(r, line);
                    try {
                        out.append(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static void header(StringBuilder md, ReportFacts f) {
        IncidentEvent.Started s = f.started;
        String title = f.state.lifecycle().title() != null ? f.state.lifecycle().title() // as last edited (#15)
                : s == null ? "unknown incident" : s.title();
        md.append("# Postmortem: ").append(Markdown.inline(title)).append("\n\n");
        if (s != null) {
            md.append("Incident ").append(Markdown.code(s.id())).append(" · environment ")
                    .append(Markdown.inline(s.environment())).append(" · runbook ").append(runbook(f)).append("\n\n");
        }
        if (!f.consoles.isEmpty()) { // #22 a shared incident
            List<String> consoles = new ArrayList<>();
            f.consoles.forEach((console, who) -> consoles.add(Markdown.code(console)
                    + (who.isEmpty() ? "" : " (" + Markdown.inline(String.join(", ", who)) + ")")));
            md.append("Consoles: ").append(String.join(", ", consoles)).append("\n\n");
        }
    }

    /** The runbook walked: its title and file from the journal's copy, else the name given at the start. */
    private static String runbook(ReportFacts f) {
        if (f.runbook != null) {
            return Markdown.inline(f.runbook.title()) + " (" + Markdown.code(f.runbook.source()) + ")";
        }
        return f.started.runbook() == null || f.started.runbook().isBlank() ? "none"
                : Markdown.code(f.started.runbook());
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
        rows.put("Trigger at start", f.started == null ? null : f.started.trigger());
        rows.put("Status", st.resolved() ? "Resolved" : "Open");
        rows.put("Executed by", String.join(", ", f.operators));
        rows.put("Rolled back from", f.variableWithRole("rollback-from"));
        rows.put("Rolled back to", f.variableWithRole("rollback-to"));
        rows.put("Services restarted", f.servicesRestarted.isEmpty() ? null : String.join(", ", f.servicesRestarted));
        rows.put("Resolution", f.resolved == null ? "not resolved yet" : f.resolved.summary());
        rows.put("Action items", (f.actionItems.size() + f.untickedItems.size()) + " (listed below)");
        md.append("## Summary\n\n");
        String prose = f.field(PostmortemField.SUMMARY);
        md.append(prose == null ? PostmortemField.SUMMARY.notEntered() : Paragraphs.of(prose)).append("\n\n");
        md.append("| Field | Value |\n|---|---|\n");
        rows.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(Markdown.cell(v)).append(" |\n"));
        md.append('\n');
    }

    private static void timeline(StringBuilder md, JournalRecord r, ReportTimes t) {
        if (r.data() instanceof IncidentEvent.HealthSample) {
            return; // #19 trends: samples are drawn in "Trends", one line each would bury the timeline
        }
        md.append("- ").append(t.time(r.ts())).append(" — ").append(TimelineText.of(r.data())).append('\n');
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

    private static boolean command(StringBuilder md, JournalRecord r) {
        if (r.data() instanceof IncidentEvent.StepFinished sf) {
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
            return true;
        } else if (r.data() instanceof IncidentEvent.StepSkipped sk) {
            md.append("### ").append(Markdown.inline(sk.step())).append(" — ").append(Markdown.inline(sk.host()))
                    .append("\n\n**NOT RUN** · ").append(Markdown.inline(sk.reason())).append("\n\n");
            return true;
        }
        return false;
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
                        .append(" | ").append(BreakerValues.before(b.before()).replace("|", "\\|")).append(" | ")
                        .append(BreakerValues.after(b.after()).replace("|", "\\|"))
                        .append(" | ").append(Markdown.cell(b.result())).append(" |\n");
            }
            md.append('\n');
        }
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
