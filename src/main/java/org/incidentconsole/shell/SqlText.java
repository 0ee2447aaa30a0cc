package org.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into statements (on {@code ;} outside quotes and comments) and each statement into tokens: words
 * (identifiers and keywords), quoted literals, numbers and single punctuation characters. psql's backslash
 * commands ({@code \c db}) are skipped.
 */
final class SqlText {
    private SqlText() {
    }

    static List<SimpleCommand> statements(String sql, int base, ShellParser.Context context, List<String> wrappers) {
        List<SimpleCommand> out = new ArrayList<>();
        List<Word> tokens = new ArrayList<>();
        int start = -1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int from = i;
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#' && tokens.isEmpty()) {
                i = lineEnd(sql, i);
                continue;
            }
            if (c == '\\' && tokens.isEmpty()) {
                i = lineEnd(sql, i);
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == ';') {
                flush(sql, base, start, i, tokens, out, context, wrappers);
                start = -1;
                i++;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n && sql.charAt(end) != c) {
                    end++;
                }
                i = Math.min(n, end + 1);
            } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '$') {
                int end = sql.indexOf("$$", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || "_.$".indexOf(sql.charAt(i)) >= 0)) {
                    i++;
                }
            } else {
                i++;
            }
            if (start < 0) {
                start = from;
            }
            String raw = sql.substring(from, i);
            String text = raw.length() > 1 && "'\"`".indexOf(raw.charAt(0)) >= 0
                    ? raw.substring(1, raw.length() - (raw.endsWith(raw.substring(0, 1)) ? 1 : 0)) : raw;
            tokens.add(new Word(text, raw, base + from, context.lineOf(base + from), text != raw));
        }
        flush(sql, base, start, n, tokens, out, context, wrappers);
        return out;
    }

    private static int lineEnd(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end + 1;
    }

    private static void flush(String sql, int base, int start, int end, List<Word> tokens, List<SimpleCommand> out,
                              ShellParser.Context context, List<String> wrappers) {
        if (tokens.isEmpty()) {
            return;
        }
        String source = sql.substring(start, end).strip().replaceAll("\\s+", " ");
        out.add(new SimpleCommand(Language.SQL, tokens, List.of(), "", source, base + start,
                context.lineOf(base + start), wrappers));
        tokens.clear();
    }
}
