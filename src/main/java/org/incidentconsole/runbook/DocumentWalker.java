package org.incidentconsole.runbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.text.TextContentRenderer;

/** Walks commonmark's document tree in order, giving each heading the blocks and task items it owns. */
final class DocumentWalker {
    private static final Pattern HOSTS_COMMENT = Pattern.compile("<!--\\s*hosts?\\s*:\\s*(.*?)\\s*-->",
            Pattern.DOTALL);
    private static final Pattern TTY_COMMENT = Pattern.compile("<!--\\s*tty\\s*-->", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT_ONLY = Pattern.compile("\\s*(<!--.*?-->\\s*)+", Pattern.DOTALL);
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private final String[] lines;
    private final List<Problem> problems;
    private final List<Section> sections = new ArrayList<>();
    private final Deque<Heading> headingStack = new ArrayDeque<>();
    private final Deque<String> pathStack = new ArrayDeque<>();
    private Section current;
    private String title;

    DocumentWalker(String text, String fallbackTitle, List<Problem> problems) {
        this.lines = text.split("\n", -1);
        this.problems = problems;
        this.title = null;
        this.current = new Section(1, 0, List.of(fallbackTitle), "");
    }

    String title() {
        return title;
    }

    List<Section> walk(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                enter(heading);
            } else {
                block(node, true);
            }
        }
        sections.add(current);
        return sections;
    }

    private void enter(Heading heading) {
        sections.add(current);
        String text = text(heading).strip();
        if (title == null && heading.getLevel() == 1) {
            title = text;
        }
        while (!headingStack.isEmpty() && headingStack.peek().getLevel() >= heading.getLevel()) {
            headingStack.pop();
            pathStack.pop();
        }
        headingStack.push(heading);
        pathStack.push(text.isEmpty() ? "(untitled)" : text);
        List<String> path = new ArrayList<>(pathStack);
        Collections.reverse(path);
        current = new Section(line(heading), heading.getLevel(), path, text);
    }

    /** @param topLevel whether the node sits directly under the heading (its text is description) */
    private void block(Node node, boolean topLevel) {
        if (node instanceof FencedCodeBlock fence) {
            current.blocks.add(CodeBlocks.of(fence, line(fence), problems));
            return;
        }
        if (node instanceof IndentedCodeBlock code) {
            current.blocks.add(CodeBlocks.indented(code.getLiteral(), line(code)));
            return;
        }
        if (node instanceof ThematicBreak || node instanceof org.commonmark.ext.front.matter.YamlFrontMatterBlock) {
            return;
        }
        if (node instanceof HtmlBlock html) {
            Matcher m = HOSTS_COMMENT.matcher(html.getLiteral());
            if (m.find()) {
                for (String tag : m.group(1).split("[,\\s]+")) {
                    if (!tag.isBlank()) {
                        current.hostTags.add(tag.strip());
                    }
                }
                return;
            }
            if (COMMENT_ONLY.matcher(html.getLiteral()).matches() && !TTY_COMMENT.matcher(html.getLiteral()).find()) {
                return; // a comment is the author's note; <!-- tty --> stays in the text: the step asks a terminal
            }
        }
        if (node instanceof ListBlock || node instanceof BlockQuote) {
            if (topLevel && current.firstLine == null && current.description.isEmpty() && current.blocks.isEmpty()) {
                current.firstLine = source(node).lines().findFirst().orElse("");
            }
            if (topLevel) {
                remember(node);
            }
            int before = current.checklist.size();
            descend(node, 0, null);
            if (topLevel && current.checklist.size() == before) {
                describe(node);
            }
            return;
        }
        if (topLevel) {
            if (current.firstLine == null && node instanceof Paragraph) {
                current.firstLine = source(node).lines().findFirst().orElse("");
            }
            remember(node);
            describe(node);
        }
    }

    private void descend(Node container, int depth, String parent) {
        for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListItem item) {
                listItem(item, depth, parent);
            } else if (child instanceof ListBlock || child instanceof BlockQuote) {
                descend(child, depth, parent);
            } else {
                block(child, false);
            }
        }
    }

    private void listItem(ListItem item, int depth, String parent) {
        TaskListItemMarker marker = marker(item);
        String text = itemText(item, marker);
        if (marker != null) {
            current.checklist.add(new ChecklistItem(line(item), text, marker.isChecked(), depth, parent));
        }
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock || child instanceof BlockQuote) {
                descend(child, depth + 1, text.isEmpty() ? parent : text);
            } else if (!(child instanceof Paragraph) && !(child instanceof TaskListItemMarker)) {
                block(child, false);
            }
        }
    }

    private static TaskListItemMarker marker(ListItem item) {
        Node first = item.getFirstChild();
        if (first instanceof TaskListItemMarker m) {
            return m;
        }
        if (first instanceof Paragraph p && p.getFirstChild() instanceof TaskListItemMarker m) {
            return m;
        }
        return null;
    }

    private static String itemText(ListItem item, TaskListItemMarker marker) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph p) {
                StringBuilder out = new StringBuilder();
                for (Node inline = p.getFirstChild(); inline != null; inline = inline.getNext()) {
                    if (inline != marker) {
                        out.append(TEXT.render(inline));
                    }
                }
                return out.toString().strip().replaceAll("\\s+", " ");
            }
        }
        return "";
    }

    private void describe(Node node) {
        String source = source(node);
        if (!source.isBlank()) {
            current.description.add(source);
        }
    }

    /** Prose lines (not code) under the heading, for decisions and choice words. */
    private void remember(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        for (SourceSpan span : spans) {
            int i = span.getLineIndex();
            if (i < lines.length) {
                current.text.add(new Section.SourceLine(i + 1, lines[i]));
            }
        }
    }

    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node inline = node.getFirstChild(); inline != null; inline = inline.getNext()) {
            out.append(TEXT.render(inline));
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    private String source(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        int from = spans.get(0).getLineIndex();
        int to = spans.get(spans.size() - 1).getLineIndex();
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to && i < lines.length; i++) {
            out.append(lines[i]).append('\n');
        }
        return out.toString();
    }

    static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }
}
