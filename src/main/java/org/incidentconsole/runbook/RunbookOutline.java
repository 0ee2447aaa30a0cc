package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the console makes of a runbook, as ordered maps for {@code lint --outline --json} (keys in a fixed order,
 * documented in the README) and as text for {@code lint --outline}.
 */
public final class RunbookOutline {
    private RunbookOutline() {
    }

    public static Map<String, Object> json(Runbook runbook) {
        Map<String, Object> outline = new LinkedHashMap<>();
        outline.put("title", runbook.title());
        outline.put("description", runbook.description());
        Procedure main = runbook.mainProcedure().orElse(null);
        List<Map<String, Object>> procedures = new ArrayList<>();
        for (Procedure p : runbook.procedures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("line", p.line());
            m.put("budget", budget(p.budget()));
            m.put("steps", p.steps().size());
            m.put("main", p == main);
            procedures.add(m);
        }
        outline.put("procedures", procedures);
        outline.put("steps", runbook.steps().stream().map(RunbookOutline::step).toList());
        return outline;
    }

    public static Map<String, Object> step(Step s) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
        step.put("line", s.line());
        step.put("path", s.path());
        step.put("budget", budget(s.budget()));
        step.put("shellBlocks", s.shellBlocks().size());
        step.put("shownBlocks", s.shownBlocks().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("language", b.language());
            m.put("line", b.line());
            return m;
        }).toList());
        step.put("checklistItems", s.checklist().size());
        step.put("placeholders", s.placeholders().stream().map(Placeholder::token).distinct().toList());
        step.put("inputs", s.inputs());
        step.put("dangers", s.dangers().stream().map(d -> d.reason() + ": " + d.command()).toList());
        step.put("choices", s.choices().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", a.label());
            m.put("line", a.line());
            m.put("steps", a.steps().stream().map(RunbookOutline::step).toList());
            return m;
        }).toList());
        Decision first = s.decision();
        step.put("question", first == null ? null : first.question());
        step.put("answers", first == null ? List.of() : answers(first));
        step.put("watch", s.watch());
        step.put("procedure", s.procedure());
        step.put("decisions", s.decisions().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("question", d.question());
            m.put("line", d.line());
            m.put("answers", answers(d));
            return m;
        }).toList());
        step.put("interactive", s.interactiveCommands().stream().map(f -> f.command() + " (" + f.reason() + ")")
                .toList());
        step.put("suggestions", s.suggestions().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("token", g.token());
            m.put("shape", g.shape().name().toLowerCase(Locale.ROOT));
            m.put("step", g.stepPath());
            m.put("line", g.line());
            m.put("command", g.command());
            return m;
        }).toList());
        return step;
    }

    private static List<Map<String, Object>> answers(Decision d) {
        return d.answers().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", a.text());
            m.put("target", a.target());
            return m;
        }).toList();
    }

    private static Map<String, Object> budget(Budget b) {
        if (b == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minSeconds", b.minSeconds());
        m.put("maxSeconds", b.maxSeconds());
        m.put("inherited", b.inherited());
        return m;
    }

    /** The text outline: one line per step with its kind, then what it holds, indented. */
    public static List<String> text(Runbook runbook) {
        List<String> out = new ArrayList<>();
        String procedure = null;
        for (Step s : runbook.steps()) {
            if (!s.procedure().equals(procedure)) {
                procedure = s.procedure();
                out.add("  procedure: " + procedure);
            }
            lines(s, "", out);
        }
        return out;
    }

    private static void lines(Step s, String indent, List<String> out) {
        out.add(String.format("%5d  %s%s  [%s]", s.line(), indent, s.pathText(), s.kind().name().toLowerCase(Locale.ROOT)));
        String pad = "       " + indent;
        out.add(pad + "budget " + (s.budget() == null ? "none" : s.budget()) + " · " + s.shellBlocks().size()
                + " shell block(s) · " + s.shownBlocks().size() + " shown block(s) · " + s.checklist().size()
                + " checklist item(s)" + (s.watch() ? " · watch" : ""));
        if (!s.placeholders().isEmpty()) {
            out.add(pad + "placeholders: " + String.join(", ",
                    s.placeholders().stream().map(Placeholder::token).distinct().toList()));
        }
        if (!s.inputs().isEmpty()) {
            out.add(pad + "inputs: " + String.join(", ", s.inputs()));
        }
        for (Danger d : s.dangers()) {
            out.add(pad + "danger at line " + d.line() + ": " + d.reason() + " — " + d.command());
        }
        for (CommandFlag f : s.flags()) {
            out.add(pad + f.kind().name().toLowerCase(Locale.ROOT) + " at line " + f.line() + ": " + f.command() + " ("
                    + f.reason() + ")");
        }
        for (Decision d : s.decisions()) {
            out.add(pad + "question: " + d.question() + (d.answers().isEmpty() ? "" : " → " + String.join(" | ",
                    d.answers().stream().map(a -> a.text() + (a.target() == null ? "" : " ⇒ " + a.target())).toList())));
        }
        for (SuggestionSource g : s.suggestions()) {
            out.add(pad + "suggest " + g.token() + " from line " + g.line() + ": " + g.command());
        }
        for (Alternative a : s.choices()) {
            out.add(pad + "or: " + a.label() + " (line " + a.line() + ")");
            a.steps().forEach(st -> lines(st, indent + "    ", out));
        }
    }
}
