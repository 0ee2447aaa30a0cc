package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the walked sections into steps: every section with content is a step of some kind; sibling headings that
 * are alternatives become one CHOICE step; the top-level sections are the procedures.
 */
final class StepBuilder {
    private final List<Section> sections;
    private final String title;
    private final Section titleSection;
    private final int procedureLevel;
    private final boolean sectionsAreProcedures;
    private final StepFactory factory;
    private final Map<String, SuggestionSources.Index> earlier = new HashMap<>();
    private final List<String> description = new ArrayList<>();

    StepBuilder(List<Section> sections, String title, List<String> defaultHostTags, Map<String, ValueType> types) {
        this.sections = sections;
        this.title = title;
        linkParents(sections);
        List<Section> ones = sections.stream().filter(s -> s.level == 1).toList();
        this.titleSection = ones.size() == 1 && sections.stream().filter(s -> s.level > 0).findFirst()
                .orElse(null) == ones.get(0) ? ones.get(0) : null;
        this.procedureLevel = sections.stream().filter(s -> s.level > 0 && s != titleSection)
                .mapToInt(s -> s.level).min().orElse(1);
        this.sectionsAreProcedures = sections.stream().anyMatch(s -> s.level == procedureLevel
                && s != titleSection && !s.children.isEmpty());
        this.factory = new StepFactory(defaultHostTags, types, new Targets(sections, this::procedureRoot));
    }

    List<Step> steps() {
        List<Step> out = new ArrayList<>();
        emit(sections.get(0), out);
        return out;
    }

    /** The prose under the title and before the first heading, once {@link #steps()} has run. */
    String description() {
        return String.join("\n\n", description).strip();
    }

    List<Procedure> procedures(List<Step> steps) {
        List<Procedure> out = new ArrayList<>();
        Map<String, List<Step>> byName = new LinkedHashMap<>();
        steps.forEach(s -> byName.computeIfAbsent(s.procedure(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<Step>> e : byName.entrySet()) {
            Section root = procedureRoot(sectionAt(e.getValue().get(0).line()));
            out.add(new Procedure(e.getKey(), root == null ? 1 : root.line, root == null ? null
                    : StepFactory.ownBudget(root), e.getValue()));
        }
        return out;
    }

    private void emit(Section s, List<Step> out) {
        List<List<Section>> runs = AlternativeRuns.of(s, s == titleSection || s.level == 0);
        boolean proseOnly = !s.runnable() && s.checklist.isEmpty() && s.blocks.isEmpty();
        boolean intro = (s == titleSection || s.level == 0) && proseOnly
                && DecisionFinder.find(s.text).isEmpty();
        if (intro) {
            description.addAll(s.description);
        }
        boolean ownStep = s.hasContent() && !intro && !(proseOnly && !runs.isEmpty());
        if (ownStep) {
            out.add(track(factory.make(s, s.path, procedureOf(s), before(s))));
        }
        int n = 0;
        Set<Section> inRun = Collections.newSetFromMap(new IdentityHashMap<>());
        runs.forEach(inRun::addAll);
        for (Section child : s.children) {
            List<Section> run = startingAt(runs, child);
            if (run == null) {
                if (!inRun.contains(child)) {
                    emit(child, out);
                }
                continue;
            }
            List<Alternative> alternatives = new ArrayList<>();
            for (Section alt : run) {
                List<Step> altSteps = new ArrayList<>();
                emit(alt, altSteps);
                alternatives.add(new Alternative(AlternativeLabels.bare(alt.heading), alt.line, altSteps));
            }
            boolean takesParent = n == 0 && !ownStep;
            List<String> path = new ArrayList<>(s.path);
            if (!takesParent) {
                path.add(n == 0 ? "(choose one)" : "(choose one, " + (n + 1) + ")");
            }
            out.add(factory.choice(s, path, procedureOf(s), takesParent ? String.join("\n\n", s.description).strip()
                    : "", takesParent ? s.blocks : List.of(), alternatives));
            n++;
        }
    }

    private static List<Section> startingAt(List<List<Section>> runs, Section child) {
        return runs.stream().filter(r -> r.get(0) == child).findFirst().orElse(null);
    }

    /** Remembers what a step prints for the steps after it (alternatives are remembered as they are made). */
    private Step track(Step step) {
        before(step.procedure()).add(step);
        return step;
    }

    private SuggestionSources.Index before(Section s) {
        return before(procedureOf(s));
    }

    private SuggestionSources.Index before(String procedure) {
        return earlier.computeIfAbsent(procedure, k -> new SuggestionSources.Index());
    }

    private String procedureOf(Section s) {
        Section root = procedureRoot(s);
        return root == null ? title : AlternativeLabels.bare(root.heading);
    }

    /** The top-level section {@code s} is in, or null for the title's and the preamble's content. */
    Section procedureRoot(Section s) {
        if (!sectionsAreProcedures) {
            return null;
        }
        for (Section p = s; p != null; p = p.parent) {
            if (p.level == procedureLevel && p != titleSection) {
                return p;
            }
        }
        return null;
    }

    /** The last section starting at or before {@code line} (sections are in document order). */
    private Section sectionAt(int line) {
        int low = 0;
        int high = sections.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (sections.get(mid).line <= line) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return sections.get(low);
    }

    private static void linkParents(List<Section> sections) {
        List<Section> stack = new ArrayList<>();
        for (Section s : sections) {
            while (!stack.isEmpty() && stack.get(stack.size() - 1).level >= s.level) {
                stack.remove(stack.size() - 1);
            }
            if (!stack.isEmpty()) {
                s.parent = stack.get(stack.size() - 1);
                s.parent.children.add(s);
            }
            stack.add(s);
        }
    }
}
