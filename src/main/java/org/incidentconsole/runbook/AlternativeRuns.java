package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which children of a heading are alternatives: consecutive siblings labelled as options ("Option A", "B) …",
 * "Scenario 2"), consecutive conditions ("If the deploy failed", "When …"), or every child of a parent whose own
 * words ask for a choice ("Choose the appropriate level", "Rollback alternatives"). Two at least.
 */
final class AlternativeRuns {
    private AlternativeRuns() {
    }

    /** @param top whether {@code parent} is the document or its title: its prose never makes a choice */
    static List<List<Section>> of(Section parent, boolean top) {
        List<Section> children = parent.children.stream().filter(c -> c.hasContent() || !c.children.isEmpty()).toList();
        if (children.size() < 2) {
            return List.of();
        }
        List<List<Section>> runs = runs(children, c -> AlternativeLabels.isLabel(c.heading));
        if (runs.isEmpty()) {
            runs = runs(children, c -> AlternativeLabels.isCondition(c.heading));
        }
        if (runs.isEmpty() && !top && AlternativeLabels.asksToChoose(parent.ownWords())) {
            runs = List.of(children);
        }
        return runs;
    }

    private static List<List<Section>> runs(List<Section> children, Predicate<Section> member) {
        List<List<Section>> runs = new ArrayList<>();
        List<Section> run = new ArrayList<>();
        for (Section c : children) {
            if (member.test(c)) {
                run.add(c);
            } else {
                close(run, runs);
                run = new ArrayList<>();
            }
        }
        close(run, runs);
        return runs;
    }

    private static void close(List<Section> run, List<List<Section>> runs) {
        if (run.size() >= 2) {
            runs.add(List.copyOf(run));
        }
    }
}
