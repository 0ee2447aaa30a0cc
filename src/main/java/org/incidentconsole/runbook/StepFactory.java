package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes the step one section is: its kind, budget, flags, decisions, and the alternatives inside its blocks. */
final class StepFactory {
    private final List<String> defaultHostTags;
    private final Map<String, ValueType> valueTypes;
    private final Targets targets;

    StepFactory(List<String> defaultHostTags, Map<String, ValueType> valueTypes, Targets targets) {
        this.defaultHostTags = defaultHostTags;
        this.valueTypes = valueTypes;
        this.targets = targets;
    }

    /** The heading's own budget: in the heading, else on the first line under it (a quote or a bold label). */
    static Budget ownBudget(Section s) {
        if (s.level == 0) {
            return null;
        }
        return BudgetParser.parse(s.heading).or(() -> BudgetParser.parse(s.firstLine)).orElse(null);
    }

    static Budget groupBudget(Section s) {
        for (Section p = s.parent; p != null; p = p.parent) {
            Budget b = ownBudget(p);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /**
     * @param path      the step's path (the section's, or the section's plus a label)
     * @param procedure the procedure the step belongs to
     * @param earlier   what the steps of the same procedure met before this one print (for suggestions)
     */
    Step make(Section s, List<String> path, String procedure, SuggestionSources.Index earlier) {
        Budget group = groupBudget(s);
        Budget own = ownBudget(s);
        Budget budget = own != null ? own : group == null ? null : group.asInherited();
        List<String> hosts = s.hostTags.isEmpty() ? defaultHostTags : List.copyOf(s.hostTags);
        List<Decision> decisions = targets.resolve(DecisionFinder.find(decisionLines(s)), s);
        String description = String.join("\n\n", s.description).strip();
        // a foreign template ({{ x }} another tool fills) is a variable only when the front matter declares it
        List<CodeBlock> settled = s.blocks.stream().map(b -> PlaceholderFinder.settled(b, valueTypes.keySet())).toList();
        Optional<Split> split = split(settled);
        if (split.isPresent()) {
            List<Alternative> alternatives = new ArrayList<>();
            for (BlockAlternatives.Slice slice : split.get().slices()) {
                CodeBlock original = settled.get(split.get().index());
                List<CodeBlock> blocks = new ArrayList<>(settled);
                blocks.set(split.get().index(), PlaceholderFinder.settled(CodeBlocks.withScript(original,
                        BlockAlternatives.keeping(original, split.get().slices(), slice)), valueTypes.keySet()));
                List<String> altPath = new ArrayList<>(path);
                altPath.add(slice.label());
                Step alt = plain(original.line() + 1 + slice.from(), altPath, budget, description, blocks, s.checklist,
                        hosts, procedure, List.of(), earlier, group);
                alternatives.add(new Alternative(slice.label(), alt.line(), List.of(alt)));
            }
            Step choice = new Step(s.line, path, budget, description, settled, s.checklist, hosts, valueTypes,
                    StepKind.CHOICE, procedure, alternatives, decisions, List.of(), List.of(), group);
            return choice.withSuggestions(earlier.find(choice));
        }
        return plain(s.line, path, budget, description, settled, s.checklist, hosts, procedure, decisions, earlier,
                group);
    }

    /** A CHOICE step over alternatives that are headings of their own. */
    Step choice(Section parent, List<String> path, String procedure, String description, List<CodeBlock> shown,
                List<Alternative> alternatives) {
        Budget own = ownBudget(parent);
        Budget group = groupBudget(parent);
        Budget budget = own != null ? own : group == null ? null : group.asInherited();
        return new Step(parent.line, path, budget, description, shown, List.of(),
                parent.hostTags.isEmpty() ? defaultHostTags : List.copyOf(parent.hostTags), valueTypes,
                StepKind.CHOICE, procedure, alternatives, List.of(), List.of(), List.of(), group);
    }

    private Step plain(int line, List<String> path, Budget budget, String description, List<CodeBlock> blocks,
                       List<ChecklistItem> checklist, List<String> hosts, String procedure, List<Decision> decisions,
                       SuggestionSources.Index earlier, Budget group) {
        List<CommandFlag> flags = new ArrayList<>();
        for (CodeBlock b : blocks) {
            if (b.runnable()) {
                flags.addAll(CommandFlags.of(b.script(), b.line() + 1));
            }
        }
        boolean runnable = blocks.stream().anyMatch(CodeBlock::runnable);
        StepKind kind;
        if (!decisions.isEmpty() && !runnable) {
            kind = StepKind.DECISION;
        } else if (flags.stream().anyMatch(f -> f.kind() == CommandFlag.Kind.INTERACTIVE)) {
            kind = StepKind.MANUAL;
        } else if (runnable) {
            kind = StepKind.RUN;
        } else if (!checklist.isEmpty()) {
            kind = StepKind.CHECKLIST;
        } else {
            kind = StepKind.MANUAL;
        }
        Step step = new Step(line, path, budget, description, blocks, checklist, hosts, valueTypes, kind, procedure,
                List.of(), decisions, flags, List.of(), group);
        return step.withSuggestions(earlier.find(step));
    }

    private record Split(int index, List<BlockAlternatives.Slice> slices) {
    }

    /** The first block that offers alternatives, runnable ones first. */
    private static Optional<Split> split(List<CodeBlock> blocks) {
        for (boolean runnable : new boolean[]{true, false}) {
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).runnable() == runnable) {
                    List<BlockAlternatives.Slice> slices = BlockAlternatives.of(blocks.get(i));
                    if (!slices.isEmpty()) {
                        return Optional.of(new Split(i, slices));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Prose lines, then the lines of plain (language-less, not shell) blocks: menus are often fenced. */
    private static List<Section.SourceLine> decisionLines(Section s) {
        List<Section.SourceLine> lines = new ArrayList<>(s.text);
        for (CodeBlock b : s.blocks) {
            if (!b.runnable() && (b.language().isEmpty() || b.language().equals("text"))
                    && lines.stream().noneMatch(l -> l.line() == b.line() + 1)) {
                String[] own = b.text().split("\n", -1);
                for (int i = 0; i < own.length; i++) {
                    lines.add(new Section.SourceLine(b.line() + 1 + i, own[i]));
                }
            }
        }
        lines.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return lines;
    }
}
