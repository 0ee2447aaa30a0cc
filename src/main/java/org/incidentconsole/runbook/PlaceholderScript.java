package org.incidentconsole.runbook;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A script as the placeholder rules read it: its lines, its shell reading, and which text is already taken. */
final class PlaceholderScript {
    private static final Set<String> DECLARING = Set.of("export", "local", "readonly",
            "declare", "typeset");

    private final String text;
    private final int firstLine;
    private final boolean reads;
    private ShellReading shell;
    private final int[] lineStarts;
    private final boolean[] taken;
    private final Map<Integer, Boolean> markupBodies = new HashMap<>();

    /** @param reads whether the script is read as shell (on first need); without, every {{…}} is a variable */
    PlaceholderScript(String text, int firstLine, boolean reads) {
        this.text = text;
        this.firstLine = firstLine;
        this.reads = reads;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.taken = new boolean[text.length()];
    }

    String text() {
        return text;
    }

    int firstLine() {
        return firstLine;
    }

    private Boolean templateOptions;

    /** Whether any option that takes another tool's templates (ansible -a, -e, --extra-vars) may be written. */
    boolean mayHoldTemplateOptions() {
        if (templateOptions == null) {
            templateOptions = text.contains("-a") || text.contains("-e") || text.contains("--args")
                    || text.contains("--extra-vars");
        }
        return templateOptions;
    }

    boolean reads() {
        return reads;
    }

    /** The shell reading, made on first use: a script with no candidate never pays for it. */
    ShellReading shell() {
        if (shell == null) {
            shell = ShellReading.of(text);
        }
        return shell;
    }

    int lineCount() {
        return lineStarts.length;
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    /** Where the line ends, before its newline. */
    int lineEnd(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
    }

    /** The 0-based line holding offset. */
    int lineIndex(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** The runbook line (1-based, counted from the block's first line) holding offset. */
    int lineOf(int offset) {
        return firstLine + lineIndex(offset);
    }

    boolean taken(int from, int to) {
        for (int i = from; i < to && i < taken.length; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    void take(int from, int to) {
        Arrays.fill(taken, from, Math.min(to, taken.length), true);
    }

    /**
     * Whether text at offset is something the shell runs (an argument, a part of one, code fed to an interpreter),
     * not data: a comment, a ${VAR:?message}, arithmetic, a quoted echo/log/usage text, a here-document body
     * that no shell, database client or interpreter reads.
     */
    boolean runs(int at) {
        int line = lineIndex(at);
        int first = lineStarts[line];
        while (first < at && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        if (text.charAt(first) == '#') {
            return false;
        }
        ShellContexts.Context c = shell().contextAt(at);
        if (c == ShellContexts.Context.COMMENT || c == ShellContexts.Context.PARAMETER
                || c == ShellContexts.Context.ARITHMETIC) {
            return false;
        }
        if (shell().heredocBody(at) != null) {
            ShellReading.Command reader = shell().heredocReader(at);
            return reader != null && reader.words().stream().map(w -> w.unquoted())
                    .map(w -> w.substring(w.lastIndexOf('/') + 1)).anyMatch(PlaceholderRules.CODE_READERS::contains);
        }
        if (c == ShellContexts.Context.DOUBLE_QUOTED || c == ShellContexts.Context.SINGLE_QUOTED) {
            ShellReading.Command command = shell().commandAt(at);
            if (command != null && PlaceholderRules.OUTPUT_COMMANDS.contains(command.program())) {
                return false;
            }
            ShellReading.Word word = command == null ? null : command.wordAt(at);
            boolean assigning = command != null && (command.programIndex() < 0
                    || DECLARING.contains(command.program()));
            if (assigning && word != null && word.text().indexOf('=') > 0
                    && PlaceholderRules.MESSAGE_NAME.matcher(word.text().substring(0, word.text().indexOf('=')))
                    .matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether offset sits in a quoted word or here-document body that holds markup ({@code </…>}). */
    boolean inMarkup(int at) {
        int[] body = shell().heredocBody(at);
        if (body != null) {
            return markupBodies.computeIfAbsent(body[0], k -> text.substring(body[0], body[1]).contains("</"));
        }
        ShellReading.Command command = shell().commandAt(at);
        ShellReading.Word word = command == null ? null : command.wordAt(at);
        return word != null && word.text().contains("</");
    }
}
