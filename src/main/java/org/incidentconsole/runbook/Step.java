package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A heading with content, as the operator meets it. {@code path} runs from the outermost heading to this one;
 * {@code description} is the markdown under it (prose, tables, lists, indented code), for the UI to render.
 * {@code hostTags} is empty when the step runs on the hosts the operator selected. {@code valueTypes} holds the
 * declared variables' types.
 * <p>
 * {@code kind} says what the operator does with it; {@code procedure} names the top-level section it belongs to.
 * A {@link StepKind#CHOICE} step runs only the chosen alternative's steps ({@link Alternative#steps()}); its own
 * {@code blocks} are what the author wrote, shown (and linted) whole. {@code decisions} holds the questions of a
 * {@link StepKind#DECISION} step. {@code flags} marks watches and interactive commands. {@code suggestions} says
 * which earlier steps print values for this step's placeholders. {@code groupBudget} is the nearest ancestor
 * heading's budget (shown over its sub-steps), or null.
 */
public record Step(int line, List<String> path, Budget budget, String description, List<CodeBlock> blocks,
                   List<ChecklistItem> checklist, List<String> hostTags, Map<String, ValueType> valueTypes,
                   StepKind kind, String procedure, List<Alternative> choices, List<Decision> decisions,
                   List<CommandFlag> flags, List<SuggestionSource> suggestions, Budget groupBudget) {
    public Step {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
        checklist = List.copyOf(checklist);
        hostTags = List.copyOf(hostTags);
        valueTypes = Map.copyOf(valueTypes);
        Objects.requireNonNull(kind, "kind");
        procedure = procedure == null ? path.get(0) : procedure;
        choices = List.copyOf(choices);
        decisions = List.copyOf(decisions);
        flags = List.copyOf(flags);
        suggestions = List.copyOf(suggestions);
    }

    /** A step as older code builds it: its kind follows from its content; no choices, decisions or flags. */
    public Step(int line, List<String> path, Budget budget, String description, List<CodeBlock> blocks,
                List<ChecklistItem> checklist, List<String> hostTags, Map<String, ValueType> valueTypes) {
        this(line, path, budget, description, blocks, checklist, hostTags, valueTypes,
                blocks.stream().anyMatch(CodeBlock::runnable) ? StepKind.RUN
                        : checklist.isEmpty() ? StepKind.MANUAL : StepKind.CHECKLIST,
                null, List.of(), List.of(), List.of(), List.of(), null);
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

    /** Blocks that are shell to run (for a CHOICE: every alternative's lines; run an alternative's instead). */
    public List<CodeBlock> shellBlocks() {
        return blocks.stream().filter(CodeBlock::runnable).toList();
    }

    /** Blocks shown verbatim, never run: SQL, YAML, PowerShell, templates, indented code, unknown fences. */
    public List<CodeBlock> shownBlocks() {
        return blocks.stream().filter(b -> !b.runnable()).toList();
    }

    public List<Placeholder> placeholders() {
        return shellBlocks().stream().flatMap(b -> b.placeholders().stream()).toList();
    }

    public List<Danger> dangers() {
        return shellBlocks().stream().flatMap(b -> b.dangers().stream()).toList();
    }

    /** Environment variables the shell reads without setting: asked for, or confirmed as set, before it runs. */
    public List<String> inputs() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        shellBlocks().forEach(b -> names.addAll(b.environmentVariables()));
        return new ArrayList<>(names);
    }

    /** True when the step runs until the operator ends it (a watch such as {@code tail -f}). */
    public boolean watch() {
        return flags.stream().anyMatch(f -> f.kind() == CommandFlag.Kind.WATCH);
    }

    public List<CommandFlag> watches() {
        return flags.stream().filter(f -> f.kind() == CommandFlag.Kind.WATCH).toList();
    }

    public List<CommandFlag> interactiveCommands() {
        return flags.stream().filter(f -> f.kind() == CommandFlag.Kind.INTERACTIVE).toList();
    }

    /** The first question of a DECISION step, or null. */
    public Decision decision() {
        return decisions.isEmpty() ? null : decisions.get(0);
    }

    Step withSuggestions(List<SuggestionSource> found) {
        return new Step(line, path, budget, description, blocks, checklist, hostTags, valueTypes, kind, procedure,
                choices, decisions, flags, found, groupBudget);
    }
}
