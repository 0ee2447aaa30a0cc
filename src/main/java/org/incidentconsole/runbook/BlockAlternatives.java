package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one block at the alternatives its author wrote inside it: labelled comments ("# OPTION A", "# OPTION B")
 * and "or" comments ("# Or if you tagged…", a bare "# OR"). Lines before the first alternative and after the last
 * are common to all. A labelled alternative runs to the next label or a numbered step comment; an "or"
 * alternative to the end of its paragraph (the next blank line). One group per block.
 */
final class BlockAlternatives {
    /** One alternative: its label, its first line in the block (0-based) and its lines {@code from..to}. */
    record Slice(String label, int from, int to) {
    }

    private BlockAlternatives() {
    }

    /** The block's alternatives, or an empty list when it offers fewer than two. */
    static List<Slice> of(CodeBlock block) {
        String body = block.runnable() ? block.script() : block.text();
        String[] lines = body.split("\n", -1);
        boolean[] quoted = block.runnable() ? ShellCommands.quotedLines(body) : new boolean[lines.length];
        String[] comments = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            comments[i] = quoted[i] ? null : AlternativeLabels.comment(lines[i], block.language());
        }
        List<Slice> slices = new ArrayList<>();
        int end = -1;
        for (int i = 0; i < lines.length; i++) {
            String c = comments[i];
            boolean label = c != null && AlternativeLabels.isLabelComment(c);
            boolean or = c != null && !label && AlternativeLabels.isOrComment(c);
            if (!label && !or) {
                continue;
            }
            if (!slices.isEmpty() && i > end + 1 && !blankBetween(lines, end + 1, i)) {
                break; // a second group: left as it is written
            }
            if (slices.isEmpty() && or) {
                Slice first = before(lines, comments, i);
                if (first == null) {
                    continue;
                }
                slices.add(first);
            } else if (!slices.isEmpty()) {
                Slice last = slices.remove(slices.size() - 1);
                slices.add(new Slice(last.label(), last.from(), trimEnd(lines, last.from(), i - 1)));
            }
            end = label ? labelEnd(lines, comments, i) : paragraphEnd(lines, i);
            slices.add(new Slice(labelOf(lines, comments, i, end), i, end));
        }
        return slices.size() >= 2 ? slices : List.of();
    }

    /** The block's script (or text) with every line outside {@code keep} and inside the group blanked. */
    static String keeping(CodeBlock block, List<Slice> all, Slice keep) {
        String body = block.runnable() ? block.script() : block.text();
        String[] lines = body.split("\n", -1);
        for (Slice s : all) {
            if (s != keep) {
                for (int i = s.from(); i <= s.to() && i < lines.length; i++) {
                    lines[i] = "";
                }
            }
        }
        return String.join("\n", lines);
    }

    /** The alternative an "or" line offers instead of: the lines above it in its paragraph, or the paragraph above. */
    private static Slice before(String[] lines, String[] comments, int or) {
        int start = or;
        while (start > 0 && !lines[start - 1].isBlank()) {
            start--;
        }
        int to = or - 1;
        if (start == or) {
            to = or - 1;
            while (to >= 0 && lines[to].isBlank()) {
                to--;
            }
            if (to < 0) {
                return null;
            }
            start = to;
            while (start > 0 && !lines[start - 1].isBlank()) {
                start--;
            }
        }
        if (comments[start] != null && AlternativeLabels.isStepComment(comments[start]) && start < to) {
            start++;
        }
        return new Slice(labelOf(lines, comments, start, to), start, to);
    }

    private static int labelEnd(String[] lines, String[] comments, int from) {
        for (int i = from + 1; i < lines.length; i++) {
            if (comments[i] != null && lines[i - 1].isBlank() && AlternativeLabels.isStepComment(comments[i])) {
                return trimEnd(lines, from, i - 1);
            }
        }
        return trimEnd(lines, from, lines.length - 1);
    }

    private static int paragraphEnd(String[] lines, int from) {
        int i = from;
        while (i + 1 < lines.length && !lines[i + 1].isBlank()) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String[] lines, int from, int to) {
        int end = to;
        while (end > from && lines[end].isBlank()) {
            end--;
        }
        return end;
    }

    private static boolean blankBetween(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The comment that opens the alternative, else its first command, as the operator will pick it. */
    private static String labelOf(String[] lines, String[] comments, int from, int to) {
        String c = comments[from];
        if (c != null && !c.isEmpty() && !AlternativeLabels.isBareOr(c)) {
            return c;
        }
        for (int i = from; i <= to && i < lines.length; i++) {
            if (!lines[i].isBlank() && comments[i] == null) {
                return lines[i].strip();
            }
        }
        return c == null || c.isEmpty() ? lines[from].strip() : c;
    }
}
