package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell fence pasted from a terminal: prompt lines are the script, the other lines are output (shown, never run).
 * A fence is a transcript when its first line is a prompt (a console fence always is); "# " counts as a root prompt
 * only in console fences, where it cannot be a comment.
 */
final class Transcripts {
    /** Prompts as people paste them: "$ ", "% ", "[root@web1 ~]# ", "deploy@web1:~/app$ ", "bash-5.1$ ". */
    private static final List<Pattern> PROMPTS = List.of(
            Pattern.compile("^\\s*\\$ "),
            Pattern.compile("^\\s*% "),
            Pattern.compile("^\\s*\\[[^\\]\\s@]+@[^\\]\\s]+(?:\\s[^\\]]*)?][#$] ?"),
            Pattern.compile("^\\s*[\\w.-]+@[\\w.-]+:[^\\s]*?[#$] "),
            Pattern.compile("^\\s*(?:ba|z|k|da)?sh-\\d[\\d.]*[#$] "),
            Pattern.compile("^\\s*(?:\\([\\w.-]+\\)\\s*)?[\\w.-]+@[\\w.-]+\\s+[^\\s]+\\s*[#$%>] "));
    private static final Pattern ROOT_PROMPT = Pattern.compile("^\\s*# ");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

    private Transcripts() {
    }

    static boolean isTranscript(String text, boolean console) {
        if (console) {
            return true;
        }
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                return prompt(line, false) != null;
            }
        }
        return false;
    }

    /**
     * The commands of a transcript: prompt lines with the prompt stripped, the lines that continue them (a
     * trailing backslash, an open heredoc or quote; a leading "> " removed) kept, output lines blanked so line
     * numbers still match the block.
     */
    static String script(String text, boolean console) {
        List<String> out = new ArrayList<>();
        String heredoc = null;
        boolean continuing = false;
        char openQuote = 0;
        for (String line : text.split("\n", -1)) {
            if (heredoc != null || continuing || openQuote != 0) {
                String command = line.startsWith("> ") ? line.substring(2) : line.equals(">") ? "" : line;
                out.add(command);
                if (heredoc != null) {
                    if (command.strip().equals(heredoc)) {
                        heredoc = null;
                    }
                    continue;
                }
                openQuote = quoteAfter(command, openQuote);
                continuing = openQuote == 0 && command.endsWith("\\");
                heredoc = openQuote == 0 ? heredoc(command) : null;
                continue;
            }
            String command = prompt(line, console);
            if (command == null) {
                out.add("");
                continue;
            }
            out.add(command);
            openQuote = quoteAfter(command, (char) 0);
            continuing = openQuote == 0 && command.endsWith("\\");
            heredoc = openQuote == 0 ? heredoc(command) : null;
        }
        return String.join("\n", out);
    }

    /** The command after the prompt, or null when the line has none. */
    static String prompt(String line, boolean console) {
        for (Pattern p : PROMPTS) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return line.substring(m.end());
            }
        }
        if (console) {
            Matcher root = ROOT_PROMPT.matcher(line);
            if (root.find()) {
                return line.substring(root.end());
            }
        }
        return null;
    }

    private static String heredoc(String command) {
        Matcher m = HEREDOC.matcher(command);
        return m.find() ? m.group(2) : null;
    }

    /** The quote still open at the end of {@code line}, given the one open at its start (0 for none). */
    static char quoteAfter(String line, char open) {
        char quote = open;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0) {
                if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    return 0;
                }
                if (c == '\\') {
                    i++;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                }
            } else if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote == '"') {
                i++;
            }
        }
        return quote;
    }
}
