package org.incidentconsole.coordination;

import java.time.Instant;

/** The incident commander role passed on: journal it. {@code from} is null when nobody held it. */
public record CommanderHandOver(String from, String to, String by, Instant at) {
}
