package org.incidentconsole.health;

import java.time.Instant;

/** The latest result of a check and since when its status has been what it is. */
public record LatestCheck(CheckResult latest, Instant since) {
}
