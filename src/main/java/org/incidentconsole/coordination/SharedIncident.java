package org.incidentconsole.coordination;

import java.time.Instant;

/**
 * A shared incident as the start/resume dialog of another console lists it: registered by the console that
 * started sharing it; {@code resolved} once a console resolved it.
 */
public record SharedIncident(String id, String environment, String title, String severity, Instant startedAt,
                             String startedBy, String console, boolean resolved) {
}
