package org.incidentconsole.ui.timeline;

import java.time.Instant;
import java.util.Locale;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.JournalRecord;
import org.incidentconsole.report.TimelineWording;

/**
 * One line of the timeline, worked out off the FX thread from one journal record: only text, so ten thousand of
 * them stay small (a step's output is read back from the journal when asked for).
 *
 * @param clock    UTC clock time, for the narrow column
 * @param time     the time as the report shows it (UTC, and local time when it differs)
 * @param who      who signed the act, or "" for what the console saw
 * @param what     the report's line for the event, as plain text
 * @param tone     "bad", "good" or "" (a failure, a recovery, or neither)
 * @param detailed whether clicking it shows more (a step's command and output)
 * @param console  the other console it came from in a shared incident (#22), "" for this console's own
 */
public record TimelineEntry(long seq, Instant at, TimelineKind kind, String clock, String time, String who,
                            String what, String tone, boolean detailed, String console) {

    static TimelineEntry of(JournalRecord record, String zone) {
        return of(record, zone, "");
    }

    /** A record another console journaled and shared; an act shows who signed it, anything else "⇄". */
    static TimelineEntry shared(JournalRecord record, String zone, String console) {
        return of(record, zone, console);
    }

    private static TimelineEntry of(JournalRecord record, String zone, String console) {
        IncidentEvent e = record.data();
        String who = e instanceof IncidentEvent.Signed s && s.by() != null ? s.by() : "";
        return new TimelineEntry(record.seq(), record.ts(), TimelineKind.of(e), TimelineWording.utcClock(record.ts()),
                TimelineWording.time(record.ts(), zone), console.isEmpty() ? who : (who + " ⇄").strip(),
                TimelineWording.what(e), tone(e),
                e instanceof IncidentEvent.StepFinished || e instanceof IncidentEvent.StepStarted, console);
    }

    /** Whether another console journaled it (a shared incident). */
    public boolean fromElsewhere() {
        return !console.isEmpty();
    }

    /** Lower-case text the filter field searches: who and what. */
    boolean matches(String lowerNeedle) {
        return lowerNeedle.isEmpty() || what.toLowerCase(Locale.ROOT).contains(lowerNeedle)
                || who.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    private static String tone(IncidentEvent e) {
        if (e instanceof IncidentEvent.StepFinished f) {
            return f.outcome() != null && f.outcome().ok() ? "" : "bad";
        } else if (e instanceof IncidentEvent.HealthTransition h) {
            return level(h.to(), "OK", "CRITICAL", "WARN");
        } else if (e instanceof IncidentEvent.BreakerTransition b) {
            return level(b.to(), "CLOSED", "OPEN", "HALF_OPEN");
        } else if (e instanceof IncidentEvent.ConnectionChanged c) {
            return "lost".equals(c.change()) ? "bad" : "good";
        } else if (e instanceof IncidentEvent.WatchEnded w) {
            return w.stable() ? "good" : "bad";
        } else if (e instanceof IncidentEvent.Milestone) {
            return "good";
        }
        return "";
    }

    private static String level(String state, String good, String... bad) {
        if (good.equals(state)) {
            return "good";
        }
        for (String b : bad) {
            if (b.equals(state)) {
                return "bad";
            }
        }
        return "";
    }
}
