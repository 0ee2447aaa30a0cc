package org.incidentconsole.health;

import java.time.Duration;

/** A configured check of one kind; {@link #run} never throws: trouble is an UNKNOWN result. */
public interface HealthCheck {
    String name();

    String kind();

    Duration timeout();

    CheckResult run(HostProbe probe);
}
