package org.incidentconsole.redact;

import java.util.List;

/**
 * The password in {@code scheme://user:password@host}: the user part runs to the first colon and has no
 * {@code / @ ? #}; the password runs to the LAST {@code @} of the URL, so a password holding {@code /} or {@code @}
 * is hidden whole ({@code redis://:p/w@d@host}). A colon followed by a port number and {@code /} is a port, not a
 * password ({@code http://localhost:8080/@vite/client} is left alone). One pass per URL.
 */
final class UrlPasswordRule implements Rule {
    @Override
    public void find(String text, List<Span> out) {
        int from = 0;
        while (true) {
            int scheme = text.indexOf("://", from);
            if (scheme < 0) {
                return;
            }
            int start = scheme + 3;
            int end = start;
            while (end < text.length() && !endsUrl(text.charAt(end))) {
                end++;
            }
            from = Math.max(end, start);
            int colon = -1;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == ':') {
                    colon = i;
                    break;
                }
                if (c == '/' || c == '@' || c == '?' || c == '#') {
                    break;
                }
            }
            if (colon < 0) {
                continue;
            }
            int at = end - 1;
            while (at > colon && text.charAt(at) != '@') {
                at--;
            }
            if (at <= colon || isPort(text, colon + 1, at)) {
                continue;
            }
            if (!text.startsWith(Redactor.MARK, colon + 1) && at > colon + 1) {
                out.add(new Span(colon + 1, at, "url-password"));
            }
        }
    }

    private static boolean endsUrl(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }

    /** {@code :8080/…}: digits, then a slash before any @. */
    private static boolean isPort(String text, int from, int at) {
        int i = from;
        while (i < at && i - from <= 5 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i > from && i < at && text.charAt(i) == '/';
    }
}
