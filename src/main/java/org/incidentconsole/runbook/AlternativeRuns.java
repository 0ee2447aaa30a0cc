package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which children of a heading are alternatives: consecutive siblings labelled as options ("Option A", "B) …",
 * "Scenario 2"), consecutive conditions ("If the deploy failed", "When …"), consecutive means ("Using Helm", "Via kubectl"), or every child of a parent whose own
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
        if (runs.isEmpty()) {
            runs = runs(children, c -> AlternativeLabels.isMeans(c.heading));
        }
        if (runs.isEmpty() && !top && (AlternativeLabels.asksToChoose(parent.ownWords()) || parallel(parent, children))) {
            runs = List.of(children);
        }
        return runs;
    }

    /**
     * Siblings named like variants of their parent: "Kubernetes Rollback", "Docker Rollback" under "Application
     * Rollback"; "Payment Service", "Booking Service" under "Service-by-Service Instructions". Numbered siblings
     * ("1. …", "2. …") are a sequence, never variants.
     */
    private static boolean parallel(Section parent, List<Section> children) {
        String last = null;
        for (Section c : children) {
            if (AlternativeLabels.isOrdinal(c.heading)) {
                return false;
            }
            String[] words = lastWords(c.heading);
            if (words.length < 2) {
                return false;
            }
            String w = words[words.length - 1];
            if (last != null && !last.equals(w)) {
                return false;
            }
            last = w;
        }
        String stem = last.length() > 5 ? last.substring(0, 5) : last;
        return last.length() >= 4 && parent.heading.toLowerCase(Locale.ROOT).contains(stem);
    }

    private static String[] lastWords(String heading) {
        String h = AlternativeLabels.bare(heading).replaceAll("[(（][^)）]*[)）]", " ").toLowerCase(Locale.ROOT);
        return h.strip().split("[^\\p{L}\\p{N}]+");
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
