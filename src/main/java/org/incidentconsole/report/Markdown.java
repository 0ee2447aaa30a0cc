package org.incidentconsole.report;

/** Small helpers for writing valid GitHub-flavoured markdown. */
final class Markdown {
    private Markdown() {
    }

    /** A fenced block whose fence is longer than any run of backticks inside it. */
    static String fence(String info, String content) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        String body = content.endsWith("\n") ? content : content + "\n";
        return fence + info + "\n" + body + fence + "\n";
    }

    /** Text safe inside a table cell: no pipes or line breaks. */
    static String cell(String text) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        return inline(text).replace("|", "\\|");
    }

    /** Text safe on one line of a list: line breaks become spaces, markup characters are escaped. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s*\\R\\s*", " ").strip();
        StringBuilder out = new StringBuilder(oneLine.length());
        for (char c : oneLine.toCharArray()) {
            if ("\\`*_[]<>#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span inside a table cell (GFM wants pipes escaped even there). */
    static String codeCell(String text) {
        return code(text).replace("|", "\\|");
    }

    /** Code spans for short values such as a commit or a host; backticks inside are avoided. */
    static String code(String text) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        String t = text.replaceAll("\\R", " ");
        return t.contains("`") ? "`` " + t + " ``" : "`" + t + "`";
    }
}
