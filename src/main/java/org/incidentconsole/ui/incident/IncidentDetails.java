package org.incidentconsole.ui.incident;

import org.incidentconsole.severity.Severity;

/** What the bar's Edit dialog shows and changes; {@code detectedAt} is ISO-8601 or blank. */
public record IncidentDetails(String title, String trigger, Severity severity, String impact, String detectedAt) {
}
