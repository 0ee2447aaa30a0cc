package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;

/** What one heading owns while the document is walked; the tree of sections becomes steps in {@link StepBuilder}. */
final class Section {
    final int line;
    /** 1–6 for headings, 0 for what comes before the first heading. */
    final int level;
    final List<String> path;
    final String heading;
    final List<String> description = new ArrayList<>();
    final List<CodeBlock> blocks = new ArrayList<>();
    final List<ChecklistItem> checklist = new ArrayList<>();
    final List<String> hostTags = new ArrayList<>();
    /** Source lines of prose, lists and quotes under the heading (not code), each with its line number. */
    final List<SourceLine> text = new ArrayList<>();
    final List<Section> children = new ArrayList<>();
    Section parent;
    /** The first line of the first block under the heading, when it is a paragraph or a quote. */
    String firstLine;

    Section(int line, int level, List<String> path, String heading) {
        this.line = line;
        this.level = level;
        this.path = List.copyOf(path);
        this.heading = heading;
    }

    record SourceLine(int line, String text) {
    }

    boolean hasContent() {
        return !blocks.isEmpty() || !checklist.isEmpty() || description.stream().anyMatch(d -> !d.isBlank());
    }

    boolean runnable() {
        return blocks.stream().anyMatch(CodeBlock::runnable);
    }

    /** The heading and the text under it, for words such as "choose one of". */
    String ownWords() {
        StringBuilder out = new StringBuilder(heading).append('\n');
        text.forEach(l -> out.append(l.text()).append('\n'));
        return out.toString();
    }
}
