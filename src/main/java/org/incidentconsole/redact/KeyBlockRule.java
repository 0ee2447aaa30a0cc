package org.incidentconsole.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private key blocks spanning lines, hidden whole from their header through their footer (or to the end of the
 * text when the footer is missing): PEM (OpenSSH, RSA, EC, PKCS#8, encrypted), PGP ({@code BEGIN PGP PRIVATE KEY
 * BLOCK}), SSH2 ({@code ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----}) and the private half of a PuTTY .ppk file
 * ({@code Private-Lines:} through {@code Private-MAC:}). Each header and footer is searched once, forward.
 */
final class KeyBlockRule implements Rule {
    static final Pattern BEGIN = Pattern.compile("-{4,5}+ ?BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)? ?-{4,5}+");
    static final Pattern END = Pattern.compile("-{4,5}+ ?END [A-Z0-9 ]{0,40}+ ?-{4,5}+");
    static final String PUTTY_BEGIN = "Private-Lines:";
    static final Pattern PUTTY_END = Pattern.compile("Private-(?:MAC|Hash):[^\\r\\n]*+");

    @Override
    public void find(String text, List<Span> out) {
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        while (from < text.length() && begin.find(from)) {
            Matcher end = END.matcher(text);
            int stop = end.find(begin.end()) ? end.end() : text.length();
            out.add(new Span(begin.start(), stop, "private-key"));
            from = stop;
        }
        int at = 0;
        while ((at = text.indexOf(PUTTY_BEGIN, at)) >= 0) {
            Matcher end = PUTTY_END.matcher(text);
            int stop = end.find(at) ? end.end() : text.length();
            out.add(new Span(at, stop, "private-key"));
            at = stop;
        }
    }
}
