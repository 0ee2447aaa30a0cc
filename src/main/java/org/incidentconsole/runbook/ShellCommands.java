package org.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light reading of a script into simple commands, enough to recognise what a command is (its words after
 * sudo, env assignments and wrappers) and whether its input is given: heredoc bodies and the inside of
 * multi-line quotes are skipped, backslash continuations joined.
 */
final class ShellCommands {
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final Set<String> WRAPPERS = Set.of("sudo", "exec", "time", "nohup", "env", "command", "nice",
            "doas", "then", "do", "else", "!", "{", "(");
    private static final Set<String> SUDO_OPTIONS_WITH_VALUE = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t");

    private ShellCommands() {
    }

    /**
     * @param line    the script line the command starts on, counted from 1
     * @param words   the command's words, wrappers and assignments removed, quotes kept
     * @param text    the command as written
     * @param fed     whether its standard input comes from a pipe, a redirect or a heredoc
     */
    record Command(int line, List<String> words, String text, boolean fed, String name) {
        Command(int line, List<String> words, String text, boolean fed) {
            this(line, words, text, fed, words.isEmpty() ? "" : words.get(0).substring(words.get(0).lastIndexOf('/') + 1));
        }

        boolean has(String word) {
            return words.contains(word);
        }

        boolean hasAny(Set<String> options) {
            return words.stream().anyMatch(w -> options.contains(w.contains("=") && w.startsWith("--")
                    ? w.substring(0, w.indexOf('=')) : w));
        }
    }

    static List<Command> read(String script) {
        List<Command> commands = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        String heredoc = null;
        char quote = 0;
        StringBuilder joined = new StringBuilder();
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (heredoc != null) {
                if (line.strip().equals(heredoc)) {
                    heredoc = null;
                }
                continue;
            }
            if (quote != 0) {
                quote = Transcripts.quoteAfter(line, quote);
                continue;
            }
            if (joined.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            if (joined.isEmpty()) {
                start = i;
            }
            quote = Transcripts.quoteAfter(line, (char) 0);
            if (quote == 0 && line.endsWith("\\")) {
                joined.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            joined.append(line);
            String text = joined.toString();
            joined.setLength(0);
            Matcher h = HEREDOC.matcher(text);
            if (h.find()) {
                heredoc = h.group(2);
            }
            split(text, start + 1, commands);
        }
        return commands;
    }

    /** For each line: whether it is inside a heredoc body or a quote opened on an earlier line. */
    static boolean[] quotedLines(String script) {
        String[] lines = script.split("\n", -1);
        boolean[] quoted = new boolean[lines.length];
        String heredoc = null;
        char quote = 0;
        for (int i = 0; i < lines.length; i++) {
            quoted[i] = heredoc != null || quote != 0;
            if (heredoc != null) {
                if (lines[i].strip().equals(heredoc)) {
                    heredoc = null;
                }
                continue;
            }
            boolean wasOpen = quote != 0;
            quote = Transcripts.quoteAfter(lines[i], quote);
            if (!wasOpen || quote == 0) {
                Matcher h = HEREDOC.matcher(lines[i]);
                if (quote == 0 && h.find()) {
                    heredoc = h.group(2);
                }
            }
        }
        return quoted;
    }

    /** Splits one logical line at unquoted ; && || | and &. */
    private static void split(String text, int line, List<Command> into) {
        char quote = 0;
        int from = 0;
        boolean fedNext = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ';';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
                continue;
            }
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                continue;
            }
            if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                add(text.substring(from, i), line, fedNext, into);
                return;
            }
            if (c == ';' || c == '|' || c == '&') {
                boolean pipe = c == '|' && (i + 1 >= text.length() || text.charAt(i + 1) != '|')
                        && (i == 0 || text.charAt(i - 1) != '|');
                add(text.substring(from, Math.min(i, text.length())), line, fedNext, into);
                fedNext = pipe;
                if (i + 1 < text.length() && (text.charAt(i + 1) == c || c == '|' && text.charAt(i + 1) == '&')) {
                    i++;
                }
                from = i + 1;
            }
        }
    }

    private static void add(String raw, int line, boolean piped, List<Command> into) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return;
        }
        List<String> words = words(text);
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            } else if (WRAPPERS.contains(w)) {
                i++;
                if (w.equals("sudo") || w.equals("doas")) {
                    while (i < words.size() && words.get(i).startsWith("-")) {
                        i += SUDO_OPTIONS_WITH_VALUE.contains(words.get(i)) ? 2 : 1;
                    }
                }
            } else {
                break;
            }
        }
        List<String> rest = i < words.size() ? words.subList(i, words.size()) : words;
        boolean redirected = rest.stream().anyMatch(x -> x.equals("<") || x.startsWith("<<") || x.startsWith("<")
                && !x.startsWith("<("));
        into.add(new Command(line, List.copyOf(rest), text, piped || redirected));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            word.append(c);
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
