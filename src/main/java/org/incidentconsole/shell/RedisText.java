package org.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;

/** Redis commands fed to redis-cli, one a line, words split on blanks with quotes honoured. */
final class RedisText {
    private RedisText() {
    }

    static List<SimpleCommand> commands(String text, int base, ShellParser.Context context, List<String> wrappers) {
        List<SimpleCommand> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            end = end < 0 ? text.length() : end;
            String line = text.substring(lineStart, end);
            List<Word> words = words(line, base + lineStart, context);
            if (!words.isEmpty() && !words.get(0).text().startsWith("#")) {
                out.add(new SimpleCommand(Language.REDIS, words, List.of(), "", line.strip(),
                        words.get(0).offset(), words.get(0).line(), wrappers));
            }
            lineStart = end + 1;
        }
        return out;
    }

    private static List<Word> words(String line, int base, ShellParser.Context context) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (Character.isWhitespace(line.charAt(i))) {
                i++;
                continue;
            }
            int from = i;
            char q = line.charAt(i);
            if (q == '"' || q == '\'') {
                int close = line.indexOf(q, i + 1);
                i = close < 0 ? line.length() : close + 1;
            } else {
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
            }
            String raw = line.substring(from, i);
            words.add(new Word(Unquote.value(raw), raw, base + from, context.lineOf(base + from),
                    Unquote.isQuoted(raw)));
        }
        return words;
    }
}
