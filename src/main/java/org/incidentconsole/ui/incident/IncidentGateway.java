package org.incidentconsole.ui.incident;

import java.nio.file.Path;
import java.util.List;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;

/** Where the window's incident lives: the composition root implements it over the data directory. */
public interface IncidentGateway {
    /** The incident being worked on, or null before one is started or resumed. */
    IncidentSession current();

    /**
     * Starts an incident bound to this console's environment and inventory (its first records on disk when this
     * returns). Blocking: call off the FX thread.
     */
    IncidentSession start(String title, String trigger, Severity severity, String operator) throws Exception;

    /** Reopens an unfinished incident of this environment and inventory, worked by {@code operator}. Blocking. */
    IncidentSession resume(String id, String operator) throws Exception;

    /** Unresolved incidents, newest first, those of another environment or inventory with why. Blocking. */
    List<IncidentStore.Candidate> candidates() throws Exception;

    /** The health checks that read CRITICAL right now, as "host check", for the question before Resolve. */
    default List<String> criticalChecks() {
        return List.of();
    }

    /** Writes the report to the data directory's reports folder and returns its text and path. Blocking. */
    ReportExport export() throws Exception;

    record ReportExport(String markdown, Path file, String suggestedName) {
    }
}
