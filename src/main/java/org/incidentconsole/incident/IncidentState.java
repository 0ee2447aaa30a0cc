package org.incidentconsole.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the journal says so far, folded event by event. Replaying the same records always gives an equal
 * state: that is what resume relies on.
 */
public record IncidentState(
        IncidentEvent.Started started,
        Instant startedAt,
        Severity severity,
        Map<String, String> variables,
        Map<String, String> variableRoles,
        Map<String, ChecklistMark> checklist,
        Map<String, IncidentEvent.StepFinished> lastRuns,
        Map<String, String> health,
        Map<String, String> fields,
        List<String> notes,
        List<String> actionItems,
        List<String> lessons,
        List<String> milestones,
        boolean resolved,
        long lastSeq,
        Instant lastAt) {

    public record ChecklistMark(String step, int line, String item, boolean checked, String by, Instant at) {
    }

    public static IncidentState empty() {
        return new IncidentState(null, null, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
                List.of(), List.of(), List.of(), false, 0, null);
    }

    public static IncidentState replay(List<JournalRecord> records) {
        IncidentState state = empty();
        for (JournalRecord r : records) {
            state = state.apply(r);
        }
        return state;
    }

    public static String checklistKey(String step, int line) {
        return step + "#" + line;
    }

    public static String runKey(String step, String host) {
        return step + " @ " + host;
    }

    public IncidentState apply(JournalRecord record) {
        IncidentEvent e = record.data();
        IncidentEvent.Started s = started;
        Instant startAt = startedAt;
        Severity sev = severity;
        Map<String, String> vars = variables;
        Map<String, String> roles = variableRoles;
        Map<String, ChecklistMark> marks = checklist;
        Map<String, IncidentEvent.StepFinished> runs = lastRuns;
        Map<String, String> hs = health;
        Map<String, String> fs = fields;
        List<String> ns = notes;
        List<String> items = actionItems;
        List<String> ls = lessons;
        List<String> ms = milestones;
        boolean done = resolved;
        if (e instanceof IncidentEvent.Started st) {
            s = st;
            startAt = record.ts();
            sev = st.severity();
        } else if (e instanceof IncidentEvent.SeverityChanged sc) {
            sev = sc.to();
        } else if (e instanceof IncidentEvent.VariableSet v) {
            vars = put(vars, v.name(), v.value());
            if (v.role() != null) {
                roles = put(roles, v.name(), v.role());
            }
        } else if (e instanceof IncidentEvent.ChecklistToggled c) {
            marks = put(marks, checklistKey(c.step(), c.line()),
                    new ChecklistMark(c.step(), c.line(), c.item(), c.checked(), c.by(), record.ts()));
        } else if (e instanceof IncidentEvent.StepFinished f) {
            runs = put(runs, runKey(f.step(), f.host()), f);
        } else if (e instanceof IncidentEvent.HealthTransition h) {
            hs = put(hs, h.host() + " / " + h.check(), h.to());
        } else if (e instanceof IncidentEvent.FieldSet f) {
            fs = put(fs, f.field(), f.value());
        } else if (e instanceof IncidentEvent.NoteAdded n) {
            ns = add(ns, n.text());
        } else if (e instanceof IncidentEvent.ActionItemAdded a) {
            items = add(items, a.text());
        } else if (e instanceof IncidentEvent.LessonAdded l) {
            ls = add(ls, l.text());
        } else if (e instanceof IncidentEvent.Milestone m) {
            ms = add(ms, m.kind());
        } else if (e instanceof IncidentEvent.Resolved) {
            done = true;
        }
        return new IncidentState(s, startAt, sev, vars, roles, marks, runs, hs, fs, ns, items, ls, ms, done, record.seq(),
                record.ts());
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static List<String> add(List<String> list, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.add(value);
        return List.copyOf(copy);
    }
}
