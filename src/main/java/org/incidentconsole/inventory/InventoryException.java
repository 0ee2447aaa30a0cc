package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A problem in an inventory file, located at file:line:column and naming the field. When the file has several,
 * the message is the first one found and {@link #problems()} lists them all, in the file's order.
 */
public class InventoryException extends Exception {
    private final Path file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;
    private final List<InventoryException> problems;

    public InventoryException(Path file, int line, int column, String field, String problem) {
        super(format(file, line, column, field, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = oneLine(problem);
        this.problems = List.of(this);
    }

    private InventoryException(InventoryException first, List<InventoryException> all) {
        super(first.getMessage());
        this.file = first.file;
        this.line = first.line;
        this.column = first.column;
        this.field = first.field;
        this.problem = first.problem;
        this.problems = all.stream().sorted(Comparator.comparingInt(InventoryException::line)
                .thenComparingInt(InventoryException::column)).toList();
    }

    /** One exception for every problem in {@code found} (each one's own problems), the first found as message. */
    public static InventoryException of(List<InventoryException> found) {
        List<InventoryException> all = found.stream().flatMap(e -> e.problems().stream()).distinct().toList();
        return all.size() == 1 ? all.get(0) : new InventoryException(all.get(0), all);
    }

    /** Every problem found in the file, by line and column; just this one when there was one. */
    public List<InventoryException> problems() {
        return problems;
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

    /** What is wrong, without the place: "unknown field 'adress'; known fields: …". */
    public String problem() {
        return problem;
    }

    public String field() {
        return field;
    }
}
