package org.incidentconsole.runbook;

/** How deep markdown containers nest on a line: each {@code >} and each list level (by indentation) counts. */
record Nesting(int line, int levels) {
    /** Deeper than this, a document is refused before any parser sees it (parsers recurse per level). */
    static final int MAX_LEVELS = 100;

    /** Refuses a text nested deeper than {@link #MAX_LEVELS}, naming its most deeply nested line. */
    static void check(String source, String text) throws RunbookException {
        Nesting deepest = deepest(text);
        if (deepest.levels() > MAX_LEVELS) {
            throw new RunbookException(source, deepest.line(), "nesting deeper than " + MAX_LEVELS + " levels ("
                    + deepest.levels() + " levels of quotes or lists)");
        }
    }

    /** The first of the most deeply nested lines (1-based) and how deep it is. */
    static Nesting deepest(String text) {
        int bestLine = 1;
        int best = 0;
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int eol = text.indexOf('\n', start);
            int end = eol < 0 ? text.length() : eol;
            int levels = levels(text, start, end);
            if (levels > best) {
                best = levels;
                bestLine = line;
            }
            if (eol < 0) {
                break;
            }
            start = eol + 1;
            line++;
        }
        return new Nesting(bestLine, best);
    }

    /** Quote marks and list markers at the start of the line, plus list levels its indentation implies. */
    private static int levels(String text, int start, int end) {
        int levels = 0;
        int indent = 0;
        boolean counting = true;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                indent += counting ? (c == ' ' ? 1 : 4) : 0;
                i++;
            } else if (c == '>') {
                levels++;
                counting = false;
                i++;
            } else if (marker(text, i, end) > i) {
                levels++;
                counting = false;
                i = marker(text, i, end);
            } else {
                break;
            }
        }
        return levels + (levels > 0 ? indent / 2 : 0);
    }

    /** The index after a list marker and its space ({@code - }, {@code 1. }) at i, or i when there is none. */
    private static int marker(String text, int i, int end) {
        int j = i;
        while (j < end && j - i < 9 && Character.isDigit(text.charAt(j))) {
            j++;
        }
        if (j > i && j < end && (text.charAt(j) == '.' || text.charAt(j) == ')')) {
            j++;
        } else if (j == i && "-*+".indexOf(text.charAt(i)) >= 0) {
            j++;
        } else {
            return i;
        }
        return j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t') || j == end ? j : i;
    }
}
