package org.incidentconsole.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** A rendered report read back as GFM: its headings with the text of each section, and its tables. */
final class ReportSections {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), TaskListItemsExtension.create())).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder()
            .extensions(List.of(TablesExtension.create())).build();
    /** A table row's cell separators: pipes not escaped. */
    private static final Pattern PIPE = Pattern.compile("(?<!\\\\)\\|");

    /** Heading text → the section's text up to the next heading of the same or a higher level. */
    final Map<String, String> sections = new LinkedHashMap<>();
    final List<TableBlock> tables = new ArrayList<>();

    ReportSections(String markdown) {
        Node doc = PARSER.parse(markdown);
        List<Heading> open = new ArrayList<>();
        Map<Heading, StringBuilder> bodies = new LinkedHashMap<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                open.removeIf(o -> o.getLevel() >= h.getLevel());
                open.add(h);
                bodies.put(h, new StringBuilder());
            } else {
                String text = TEXT.render(n);
                open.forEach(o -> bodies.get(o).append(text).append('\n'));
            }
        }
        bodies.forEach((h, body) -> sections.put(TEXT.render(h).strip(), body.toString().strip()));
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock t) {
                    tables.add(t);
                }
                visitChildren(block);
            }
        });
    }

    /** Each run of lines that starts with a pipe, checked for one cell count throughout; returns how many runs. */
    static int tablesWithConsistentColumns(String markdown, List<String> problems) {
        int runs = 0;
        List<String> run = new ArrayList<>();
        for (String line : (markdown + "\n").split("\n", -1)) {
            if (line.startsWith("|")) {
                run.add(line);
                continue;
            }
            if (!run.isEmpty()) {
                runs++;
                long cells = cells(run.get(0));
                for (String row : run) {
                    if (cells(row) != cells) {
                        problems.add(cells + " cells expected: " + row);
                    }
                }
                if (!run.get(1).matches("\\|(?:\\s*:?-+:?\\s*\\|)+")) {
                    problems.add("no delimiter row under: " + run.get(0));
                }
                run.clear();
            }
        }
        return runs;
    }

    private static long cells(String row) {
        Matcher m = PIPE.matcher(row);
        long pipes = 0;
        while (m.find()) {
            pipes++;
        }
        return pipes - 1;
    }
}
