package org.incidentconsole.runbook;

import java.util.List;
import java.util.Map;

/**
 * A heading that owns shell blocks or checklist items. {@code path} runs from the outermost heading to this
 * one; {@code description} is the markdown under it (prose, tables, plain lists), for the UI to render.
 * {@code hostTags} is empty when the step runs on the hosts the operator selected. {@code valueTypes} holds the
 * declared variables' types.
 */
public record Step(int line, List<String> path, Budget budget, String description, List<CodeBlock> blocks,
                   List<ChecklistItem> checklist, List<String> hostTags, Map<String, ValueType> valueTypes) {
    public Step {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
        checklist = List.copyOf(checklist);
        hostTags = List.copyOf(hostTags);
        valueTypes = Map.copyOf(valueTypes);
    }

    /** The rule a placeholder's value follows: its variable's type, else the type its name suggests. */
    public ValueType typeOf(Placeholder p) {
        ValueType declared = p.kind() == Placeholder.Kind.VARIABLE ? valueTypes.get(p.name()) : null;
        return declared != null ? declared : ValueType.infer(p.name(), null);
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
