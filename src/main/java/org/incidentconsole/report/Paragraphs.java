package org.incidentconsole.report;

import java.util.ArrayList;
import java.util.List;

/** Entered prose as markdown paragraphs: blank lines part paragraphs, nothing typed becomes markup. */
final class Paragraphs {
    private Paragraphs() {
    }

    static String of(String text) {
        List<String> out = new ArrayList<>();
        for (String para : text.strip().split("\\R\\s*\\R")) {
            String line = Markdown.inline(para);
            if (line.isEmpty()) {
                continue;
            }
            // a paragraph may not open a list, quote, table, heading underline or numbered item
            out.add(line.matches("^(?:[-+=|>~]|\\d+[.)]).*") ? "\\" + line : line);
        }
        return String.join("\n\n", out);
    }
}
