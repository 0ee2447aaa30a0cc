package org.incidentconsole.runbook;

import java.util.List;

/**
 * A heading that owns shell blocks or checklist items. {@code path} runs from the outermost heading to this
 * one; {@code description} is the markdown under it (prose, tables, plain lists), for the UI to render.
 * {@code hostTags} is empty when the step runs on the hosts the operator selected.
 */
public record Step(int line, List<String> path, Budget budget, String description, List<CodeBlock> blocks,
                   List<ChecklistItem> checklist, List<String> hostTags) {
    public Step {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
        checklist = List.copyOf(checklist);
        hostTags = List.copyOf(hostTags);
    }

    public String title() {
        return path.get(path.size() - 1);
    }

    public String pathText() {
        return String.join(" › ", path);
    }

    public List<CodeBlock> shellBlocks() {
        return blocks.stream().filter(CodeBlock::runnable).toList();
    }

    public List<Placeholder> placeholders() {
        return shellBlocks().stream().flatMap(b -> b.placeholders().stream()).toList();
    }

    public List<Danger> dangers() {
        return shellBlocks().stream().flatMap(b -> b.dangers().stream()).toList();
    }
}
