package org.incidentconsole.runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Loads a markdown runbook as it is, in any of the shapes operators write them. Thread-safe. */
public final class RunbookParser {
    private final Parser markdown = Parser.builder()
            .extensions(List.of(TaskListItemsExtension.create(), YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    public Runbook parse(Path file) throws RunbookException {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new RunbookException(file.toString(), 1, "file not found");
        } catch (IOException e) {
            throw new RunbookException(file.toString(), 1, "cannot read: " + e.getMessage());
        }
    }

    public Runbook parse(String source, byte[] bytes) throws RunbookException {
        return parse(source, RunbookText.decode(source, bytes));
    }

    public Runbook parse(String source, String text) throws RunbookException {
        String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
        normalized = normalized.replace("\r\n", "\n").replace('\r', '\n');
        Nesting.check(source, normalized);
        try {
            return parseText(source, normalized);
        } catch (StackOverflowError | RuntimeException e) {
            throw RunbookException.unreadable(source, normalized, e);
        }
    }

    private Runbook parseText(String source, String normalized) throws RunbookException {
        Node document = markdown.parse(normalized);
        FrontMatter front = frontMatter(source, normalized, document);
        List<Problem> problems = new ArrayList<>(front.problems());
        DocumentWalker walker = new DocumentWalker(normalized, fileName(source), problems);
        Map<String, ValueType> declared = new HashMap<>();
        front.variables().forEach(v -> declared.putIfAbsent(v.name(), v.type()));
        Map<String, ValueType> types = Map.copyOf(declared); // one copy shared by every step
        List<Section> sections = walker.walk(document);
        String title = walker.title() != null ? walker.title() : fileName(source);
        StepBuilder builder = new StepBuilder(sections, title, front.hostTags(), types);
        List<Step> steps = builder.steps();
        List<Procedure> procedures = builder.procedures(steps);
        Runbook parsed = new Runbook(title, source, steps, front.variables(), front.hostTags(), problems, procedures,
                builder.description());
        return new Runbook(title, source, steps, front.variables(), front.hostTags(),
                RunbookLinter.check(parsed), procedures, builder.description());
    }

    private static FrontMatter frontMatter(String source, String text, Node document) throws RunbookException {
        Node first = document.getFirstChild();
        if (!(first instanceof YamlFrontMatterBlock) || first.getSourceSpans().isEmpty()) {
            return FrontMatter.none();
        }
        int from = first.getSourceSpans().get(0).getLineIndex();
        int to = first.getSourceSpans().get(first.getSourceSpans().size() - 1).getLineIndex();
        String[] lines = text.split("\n", -1);
        StringBuilder yaml = new StringBuilder();
        for (int i = from + 1; i <= to && i < lines.length; i++) {
            if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
                break;
            }
            yaml.append(lines[i]).append('\n');
        }
        return FrontMatter.parse(source, yaml.toString(), from + 2);
    }

    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1).replaceFirst("\\.(md|markdown|txt)$", "");
    }
}
