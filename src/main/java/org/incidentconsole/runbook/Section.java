package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one heading owns while the document is walked; becomes a step if it has shell or checklist items. */
final class Section {
    final int line;
    final List<String> path;
    final String heading;
    final List<String> description = new ArrayList<>();
    final List<CodeBlock> blocks = new ArrayList<>();
    final List<ChecklistItem> checklist = new ArrayList<>();
    final List<String> hostTags = new ArrayList<>();
    String firstLine;

    Section(int line, List<String> path, String heading) {
        this.line = line;
        this.path = List.copyOf(path);
        this.heading = heading;
    }

    boolean isStep() {
        return !checklist.isEmpty() || blocks.stream().anyMatch(CodeBlock::runnable);
    }

    /**
     * @param defaultHostTags the front matter's hosts, for a step that names none itself
     * @param valueTypes      the declared variables' types
     */
    Step toStep(List<String> defaultHostTags, Map<String, ValueType> valueTypes) {
        Budget budget = BudgetParser.parse(heading)
                .or(() -> BudgetParser.parse(firstLine)).orElse(null);
        List<CodeBlock> settled = blocks.stream().map(b -> PlaceholderFinder.settled(b, valueTypes.keySet())).toList();
        return new Step(line, path, budget, String.join("\n\n", description).strip(), settled, checklist,
                hostTags.isEmpty() ? defaultHostTags : hostTags, valueTypes);
    }
}
