package org.incidentconsole.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.incidentconsole.incident.IncidentEvent;

/**
 * The report's timeline wording for the window (#19, timeline pane): the same line the report writes for an
 * event, as plain text (its markdown escapes and code spans taken off), and its time as the report shows it.
 * One wording for the report and the window: a new renderer in {@link TimelineText} shows in both.
 */
public final class TimelineWording {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String ESCAPED = "\\`*_[]<>#";

    private TimelineWording() {
    }

    /** What happened, in the report's words, as plain text on one line. */
    public static String what(IncidentEvent event) {
        return plain(TimelineText.of(event));
    }

    /** The time as the report's timeline shows it: UTC, with the operator's local time beside it when it differs. */
    public static String time(Instant at, String zone) {
        return new ReportTimes(zone).time(at);
    }

    /** The UTC clock time alone ("14:02:07"), for narrow columns. */
    public static String utcClock(Instant at) {
        return at == null ? "—" : UTC_TIME.format(at);
    }

    /** The text a reader sees of one line of {@link Markdown#inline} text and {@link Markdown#code} spans. */
    static String plain(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        int i = 0;
        while (i < markdown.length()) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && ESCAPED.indexOf(markdown.charAt(i + 1)) >= 0) {
                out.append(markdown.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = 0;
                while (i + run < markdown.length() && markdown.charAt(i + run) == '`') {
                    run++;
                }
                int close = closing(markdown, i + run, run);
                if (close < 0) {
                    out.append(markdown, i, i + run);
                    i += run;
                    continue;
                }
                String code = markdown.substring(i + run, close);
                if (run > 1 && code.length() > 1 && code.startsWith(" ") && code.endsWith(" ")) {
                    code = code.substring(1, code.length() - 1);
                }
                out.append(code);
                i = close + run;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where the run of exactly {@code run} backticks closing a code span starts, or -1. */
    private static int closing(String s, int from, int run) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) != '`') {
                i++;
                continue;
            }
            int n = 0;
            while (i + n < s.length() && s.charAt(i + n) == '`') {
                n++;
            }
            if (n == run) {
                return i;
            }
            i += n;
        }
        return -1;
    }
}
