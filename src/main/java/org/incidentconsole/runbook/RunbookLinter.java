package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an author should fix or know: errors stop the lint command with exit 1, warnings do not. */
final class RunbookLinter {
    /** Commands that run their arguments as shell code again: one quoted word is not enough there. */
    private static final Pattern REPARSES = Pattern.compile(
            "\\b(?:eval|(?:ba|da|z|k)?sh\\s+-c|ssh|su\\s+(?:\\S+\\s+)?-c|sudo\\s+(?:-\\S+\\s+)*(?:ba|da)?sh\\s+-c|watch)\\b");
    private static final List<Pattern> KEYS = List.of(Pattern.compile("\\bredis-cli\\b"),
            Pattern.compile("\\bKEYS\\b"));

    private RunbookLinter() {
    }

    static List<Problem> check(Runbook runbook) {
        List<Problem> problems = new ArrayList<>(runbook.problems());
        if (runbook.steps().isEmpty()) {
            problems.add(Problem.warning(1, "no steps: no heading owns a shell block or a checklist item"));
        }
        Set<String> declared = new HashSet<>();
        runbook.variables().forEach(v -> declared.add(v.name()));
        Set<String> used = new HashSet<>();
        Map<String, Integer> titles = new HashMap<>();
        // every step, alternatives' included: a danger inside one alternative is linted too
        for (Step step : runbook.allSteps()) {
            Integer first = titles.putIfAbsent(step.pathText(), step.line());
            if (first != null) {
                problems.add(Problem.warning(step.line(), "duplicate step title '" + step.pathText()
                        + "' (also at line " + first + ")"));
            }
            if (step.budget() == null && !step.shellBlocks().isEmpty()) {
                problems.add(Problem.warning(step.line(), "step without a time budget: add one to the heading,"
                        + " e.g. '(2 minutes)'"));
            }
            for (Placeholder p : step.placeholders()) {
                if (p.kind() == Placeholder.Kind.VARIABLE) {
                    used.add(p.name());
                    if (!declared.contains(p.name())) {
                        problems.add(Problem.error(p.line(), "undeclared variable " + p.token()
                                + ": declare it under 'variables:' in the front matter"));
                    }
                } else {
                    problems.add(Problem.warning(p.line(), "placeholder " + p.token()
                            + (p.hint() != null ? " (" + p.hint() + ")" : "")
                            + " has no variable: the operator must type it; declare a {{variable}} instead"));
                }
            }
            for (Danger d : step.dangers()) {
                if (!d.acknowledged()) {
                    problems.add(Problem.warning(d.line(), "dangerous command (" + d.reason() + "): "
                            + d.command() + " — mark it '# danger: …' if it is meant"));
                }
            }
            for (CodeBlock block : step.shellBlocks()) {
                placementProblems(block, problems);
                foreignTemplates(block, declared, problems);
                if (!block.alternatives().isEmpty() && step.kind() != StepKind.CHOICE && step.choices().isEmpty()
                        && !inAlternative(runbook, step)) {
                    problems.add(Problem.warning(block.alternatives().get(0).line(), "block offers alternatives ("
                            + block.alternatives().get(0).text() + "): run whole, it runs every one of them;"
                            + " give each alternative its own heading"));
                }
                String[] lines = block.script().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].strip().startsWith("#") && DangerDetector.inOrder(lines[i], KEYS)) {
                        problems.add(Problem.warning(block.line() + 1 + i,
                                "KEYS blocks a production Redis while it runs: use SCAN (redis-cli --scan --pattern …)"));
                    }
                }
            }
        }
        for (Variable v : runbook.variables()) {
            if (!used.contains(v.name())) {
                problems.add(Problem.warning(v.line(), "variable '" + v.name() + "' is declared but never used"));
            }
            String problem = v.defaultValue() == null || v.defaultValue().isBlank() ? null
                    : v.type().problem(v.defaultValue());
            if (problem != null) {
                problems.add(Problem.error(v.line(), "variable '" + v.name() + "': the default " + problem
                        + " (type " + v.type().word() + ")"));
            }
        }
        // an in-block alternative's step holds the same lines as its choice: one problem per line and message
        List<Problem> distinct = new ArrayList<>(new LinkedHashSet<>(problems));
        distinct.sort(Comparator.comparingInt(Problem::line));
        return distinct;
    }

    /** Whether the step is one alternative of a choice: its block's other alternatives are blanked, not run. */
    private static boolean inAlternative(Runbook runbook, Step step) {
        return runbook.allSteps().stream().flatMap(s -> s.choices().stream())
                .anyMatch(a -> a.steps().contains(step));
    }

    /** {{ … }} that another tool fills (Jinja under ansible -a, a JSON body's Mustache): a note, never an error. */
    private static void foreignTemplates(CodeBlock block, Set<String> declared, List<Problem> problems) {
        if (!block.script().contains("{{")) {
            return;
        }
        for (Placeholder p : PlaceholderFinder.foreignTemplates(block)) {
            if (!declared.contains(p.name())) {
                problems.add(Problem.note(p.line(), "foreign template " + p.token() + " (another tool's, e.g. Jinja,"
                        + " Mustache or GitHub Actions): left as written; not a runbook variable"));
            }
        }
    }

    /** Placeholders where no value could ever be inserted as one word. */
    private static void placementProblems(CodeBlock block, List<Problem> problems) {
        if (block.placeholders().isEmpty()) {
            return;
        }
        char[] masked = block.script().toCharArray();
        for (Placeholder p : block.placeholders()) {
            for (int i = p.offset(); i < p.offset() + p.token().length() && i < masked.length; i++) {
                masked[i] = 'x';
            }
        }
        ShellContexts contexts = ShellContexts.scan(new String(masked));
        String script = block.script();
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = script.indexOf('\n'); i >= 0; i = script.indexOf('\n', i + 1)) {
            lineStarts.add(i + 1);
        }
        Map<Integer, Integer> reparseAt = new HashMap<>(); // script line → where a re-running command starts
        for (Placeholder p : block.placeholders()) {
            int index = Math.max(0, Math.min(lineStarts.size() - 1, p.line() - block.line() - 1));
            int reparse = reparseAt.computeIfAbsent(index, k -> {
                int start = lineStarts.get(k);
                int end = k + 1 < lineStarts.size() ? lineStarts.get(k + 1) - 1 : script.length();
                Matcher m = REPARSES.matcher(script).region(start, end);
                return m.find() ? m.start() : -1;
            });
            if (reparse >= 0 && reparse < p.offset()) {
                problems.add(Problem.warning(p.line(), p.token() + " goes to a command that runs its arguments as"
                        + " shell code again (eval, sh -c, ssh, su -c, watch): its value would be code there"));
            }
            String problem = p.offset() < masked.length
                    ? CommandRenderer.placementProblem(block.script(), p.offset(), contexts.at(p.offset())) : null;
            if (problem != null) {
                problems.add(Problem.error(p.line(), p.token() + " " + problem));
            }
        }
    }
}
