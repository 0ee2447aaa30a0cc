package org.incidentconsole.shell;

/** The value bash gives a word: quotes and backslash escapes taken off; expansions stay as written. */
final class Unquote {
    private Unquote() {
    }

    static String value(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\'') {
                int end = raw.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                out.append(raw, i + 1, end);
                i = end + 1;
            } else if (c == '$' && i + 1 < n && raw.charAt(i + 1) == '\'') {
                int end = raw.indexOf('\'', i + 2);
                end = end < 0 ? n : end;
                out.append(raw, i + 2, end);
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(raw, i + 1, out);
            } else if (c == '\\' && i + 1 < n) {
                if (raw.charAt(i + 1) != '\n') {
                    out.append(raw.charAt(i + 1));
                }
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** @return the index after the closing quote */
    private static int doubleQuoted(String raw, int from, StringBuilder out) {
        int i = from;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < raw.length() && "\"\\$`\n".indexOf(raw.charAt(i + 1)) >= 0) {
                if (raw.charAt(i + 1) != '\n') {
                    out.append(raw.charAt(i + 1));
                }
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return i;
    }

    static boolean isQuoted(String raw) {
        return raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
    }
}
