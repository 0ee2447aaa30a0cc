package org.incidentconsole.incident;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.incidentconsole.severity.Severity;

/**
 * Run in a child JVM by {@link JournalCrashTest}: starts (or resumes) an incident and appends notes forever,
 * printing "ACK n" once record n is on disk. It is killed with SIGKILL at a random moment.
 */
public final class JournalCrashChild {
    private JournalCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        IncidentStore store = new IncidentStore(Path.of(args[0]), Clock.systemUTC());
        IncidentSession session = args.length > 1 ? store.resume(args[1])
                : store.start("crash test", "test", Severity.P2, "drill", "tester", null, "UTC");
        System.out.println("ID " + session.id());
        System.out.flush();
        Random random = new Random();
        StringBuilder payload = new StringBuilder();
        while (true) {
            payload.setLength(0);
            int size = 50 + random.nextInt(4000);
            for (int i = 0; i < size; i++) {
                payload.append((char) ('a' + random.nextInt(26)));
            }
            JournalRecord r = session.record(new IncidentEvent.NoteAdded(payload.toString(), "tester")).get();
            System.out.println("ACK " + r.seq());
            System.out.flush();
        }
    }
}
