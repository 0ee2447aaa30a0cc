package org.incidentconsole.inventory;

import java.nio.file.Path;

/** A problem in an inventory file, located at file:line:column and naming the field. */
public class InventoryException extends Exception {
    private final Path file;
    private final int line;
    private final int column;
    private final String field;

    public InventoryException(Path file, int line, int column, String field, String problem) {
        super(format(file, line, column, field, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    private static String format(Path file, int line, int column, String field, String problem) {
        String where = file + (line > 0 ? ":" + line + ":" + column : "");
        return where + ": " + (field == null || field.isEmpty() ? "" : "'" + field + "': ") + oneLine(problem);
    }

    /** The message stays one line: a line break or other control character the parser quotes is shown escaped. */
    private static String oneLine(String problem) {
        StringBuilder out = new StringBuilder(problem.length());
        problem.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }
}
