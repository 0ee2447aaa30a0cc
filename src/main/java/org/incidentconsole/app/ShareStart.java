package org.incidentconsole.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.JournalRecord;

/**
 * What a local journal says about sharing (#22), read before a console shares it: the console id it shared under
 * (kept across resumes, so its events' eids go on), the record it shared from, and whether it joined an incident
 * started elsewhere (its journal opened with a "join" session).
 *
 * @param console  the id this console shared under, null when it never shared this journal
 * @param sharedAt the sequence of its IncidentShared record, 0 when none
 * @param joined   the journal was opened by joining a shared incident
 */
record ShareStart(String console, long sharedAt, boolean joined) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static ShareStart read(Path journal) throws JournalException {
        String[] console = {null};
        long[] at = {0};
        boolean[] joined = {false};
        JournalReader.scan(journal, (JournalRecord r) -> {
            if (r.data() instanceof IncidentEvent.SessionOpened o && "join".equals(o.how()) && console[0] == null) {
                joined[0] = true;
            } else if (r.data() instanceof IncidentEvent.IncidentShared s && console[0] == null) {
                console[0] = s.console();
                at[0] = r.seq();
                joined[0] = s.joined();
            }
        });
        return new ShareStart(console[0], at[0], joined[0]);
    }

    /** A new console id: who and where, and four random bytes so two consoles of one user never collide. */
    static String newConsoleId() {
        String user = System.getProperty("user.name", "console");
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return user + "@" + IncidentStore.machine() + "-" + HexFormat.of().formatHex(bytes);
    }

    /** The record before the first one this console shares: a joined console shares from its IncidentShared on. */
    long shareAfter() {
        return joined ? Math.max(0, sharedAt - 1) : 0;
    }
}
