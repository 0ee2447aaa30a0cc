package org.incidentconsole.ui.incident;

import java.util.List;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.Severity;

/** Where the window's incident lives: the composition root implements it over the data directory. */
public interface IncidentGateway {
    /** The incident being worked on, or null before one is started or resumed. */
    IncidentSession current();

    /** Starts an incident (its first record on disk when this returns). Blocking: call off the FX thread. */
    IncidentSession start(String title, String trigger, Severity severity, String operator) throws Exception;

    /** Reopens an unfinished incident. Blocking. */
    IncidentSession resume(String id) throws Exception;

    /** Unfinished incidents, newest first. Blocking. */
    List<IncidentStore.Summary> unfinished() throws Exception;

    /** Writes the report to the data directory's reports folder and returns its text and path. Blocking. */
    ReportExport export() throws Exception;

    record ReportExport(String markdown, java.nio.file.Path file, String suggestedName) {
    }
}
