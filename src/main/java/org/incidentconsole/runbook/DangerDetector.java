package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentconsole.shell.Analysis;
import org.incidentconsole.shell.Comment;
import org.incidentconsole.shell.DangerKind;
import org.incidentconsole.shell.DangerRule;
import org.incidentconsole.shell.DangerTable;
import org.incidentconsole.shell.ShellException;
import org.incidentconsole.shell.ShellParser;
import org.incidentconsole.shell.SimpleCommand;

/**
 * Flags destructive or disruptive commands with the reason, from a real shell parse ({@link ShellParser}) and the
 * danger table ({@link DangerTable}). An author marks a command dangerous (or acknowledges a detected one) with a
 * comment {@code # danger: reason} on its line or the line above, or a whole block with the fence attribute
 * {@code danger="reason"}; the author's reason is the one shown.
 */
final class DangerDetector {
    private static final Pattern MARK = Pattern.compile("^#\\s*danger\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final String MARKED = "marked dangerous by the runbook's author";

    private DangerDetector() {
    }

    /** Whether the patterns occur in this order; each is looked for after the earliest match of the one before. */
    static boolean inOrder(String text, List<Pattern> sequence) {
        int from = 0;
        for (Pattern p : sequence) {
            Matcher m = p.matcher(text);
            if (!m.find(from)) {
                return false;
            }
            from = m.end();
        }
        return true;
    }

    static List<Danger> dangers(String script, int firstLine, String blockMark) {
        String[] lines = script.split("\n", -1);
        Analysis analysis;
        try {
            analysis = ShellParser.analyse(script);
        } catch (ShellException e) {
            int index = Math.max(0, Math.min(lines.length - 1, e.line() - 1));
            return List.of(new Danger(firstLine + index, lines[index].strip(), "could not be analysed ("
                    + e.getMessage() + "): check it by hand", blockMark != null, DangerKind.UNANALYSED));
        }
        TreeMap<Integer, String> trailing = new TreeMap<>();
        TreeMap<Integer, String> above = new TreeMap<>();
        for (Comment c : analysis.comments()) {
            Matcher m = MARK.matcher(c.text().strip());
            if (m.find()) {
                (c.ownLine() ? above : trailing).put(c.line(), m.group(1).strip());
            }
        }
        TreeSet<Integer> starts = new TreeSet<>();
        analysis.commands().forEach(c -> starts.add(c.line()));
        List<Danger> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Integer> flaggedLines = new HashSet<>();
        for (SimpleCommand command : analysis.commands()) {
            int line = command.line();
            String mark = markFor(line, starts, trailing, above);
            DangerRule rule = DangerTable.match(command).orElse(null);
            if (rule == null && (mark == null || flaggedLines.contains(line))) {
                continue;
            }
            String reason = mark != null && !mark.isEmpty() ? mark : rule != null ? rule.reason() : MARKED;
            DangerKind kind = rule != null ? rule.kind() : DangerKind.AUTHOR_MARKED;
            if (rule == null && found.stream().anyMatch(d -> d.line() == firstLine + line - 1)) {
                continue;
            }
            if (seen.add(line + " " + reason)) {
                found.add(new Danger(firstLine + line - 1, shown(lines, line, analysis), reason,
                        mark != null || blockMark != null, kind));
                flaggedLines.add(line);
            }
        }
        found.removeIf(d -> d.kind() == DangerKind.AUTHOR_MARKED && found.stream()
                .anyMatch(o -> o.line() == d.line() && o.kind() != DangerKind.AUTHOR_MARKED));
        if (blockMark != null && found.isEmpty()) {
            found.add(new Danger(firstLine, script.strip().lines().findFirst().orElse(""),
                    blockMark.isBlank() ? MARKED : blockMark.strip(), true, DangerKind.AUTHOR_MARKED));
        }
        return found;
    }

    /**
     * The author's mark for a command starting on {@code line}: a trailing one on a line of the command (up to the
     * next command's line), or one on a line of its own above with no command in between. "" = mark with no reason.
     */
    private static String markFor(int line, TreeSet<Integer> starts, TreeMap<Integer, String> trailing,
                                  TreeMap<Integer, String> above) {
        Integer next = starts.higher(line);
        var own = trailing.subMap(line, true, next == null ? Integer.MAX_VALUE : next, false);
        if (!own.isEmpty()) {
            return own.firstEntry().getValue();
        }
        var before = above.lowerEntry(line);
        if (before != null) {
            Integer between = starts.higher(before.getKey());
            if (between != null && between == line) {
                return before.getValue();
            }
        }
        return null;
    }

    /** The command's line as written, continuation lines joined, without a trailing comment. */
    private static String shown(String[] lines, int line, Analysis analysis) {
        StringBuilder out = new StringBuilder();
        for (int i = line - 1; i >= 0 && i < lines.length; i++) {
            String text = withoutComment(lines[i], i + 1, analysis).strip();
            boolean continued = text.endsWith("\\");
            out.append(out.length() == 0 ? "" : " ").append(continued ? text.substring(0, text.length() - 1).strip()
                    : text);
            if (!continued) {
                break;
            }
        }
        return out.toString();
    }

    private static String withoutComment(String text, int line, Analysis analysis) {
        for (Comment c : analysis.comments()) {
            if (c.line() == line && !c.ownLine()) {
                int cut = text.lastIndexOf(c.text().strip());
                return cut >= 0 ? text.substring(0, cut) : text;
            }
        }
        return text;
    }

    /** The detector's own reason for a command, or null when no rule flags it. */
    static String detect(String command) {
        try {
            return DangerTable.findings(ShellParser.analyse(command)).stream()
                    .map(f -> f.rule().reason()).findFirst().orElse(null);
        } catch (ShellException e) {
            return "could not be analysed (" + e.getMessage() + "): check it by hand";
        }
    }
}
