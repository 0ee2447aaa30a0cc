package org.incidentconsole.shell;

/**
 * A redirection of a command: {@code operator} as written ({@code >}, {@code >>}, {@code <}, {@code 2>&1}, {@code <<},
 * {@code <<<} …); {@code target} the file, descriptor or here-string; for a here-document, {@code target} holds its
 * body (text, offset and line of the body).
 */
public record Redirect(String operator, Word target) {
    public boolean isHeredoc() {
        return operator.startsWith("<<") && !operator.equals("<<<");
    }

    /** Whether it writes over a file ({@code >}, {@code >|}, {@code &>}, {@code 1>}), not appends or duplicates. */
    public boolean overwrites() {
        String op = operator.replaceFirst("^[0-9&]", "");
        return (op.equals(">") || op.equals(">|")) && !target.text().startsWith("&");
    }
}
