package org.incidentconsole.incident;

import java.nio.file.Path;
import java.time.Clock;

/** Run in a small-heap child JVM by {@link JournalBigTest}: lists the incidents under a folder, one per line. */
public final class JournalListChild {
    private JournalListChild() {
    }

    public static void main(String[] args) throws Exception {
        for (IncidentStore.Summary s : new IncidentStore(Path.of(args[0]), Clock.systemUTC()).list()) {
            System.out.println("INCIDENT " + s.id() + " events=" + s.events() + " problem=" + s.problem());
        }
    }
}
