package org.incidentconsole.health;

/** A check's verdict. UNKNOWN: the check could not run (host unreachable, TIMEOUT, bad output). */
public enum HealthStatus {
    OK, WARN, CRITICAL, UNKNOWN
}
