package org.incidentconsole.ssh;

/**
 * How a remote command ended. UNKNOWN means the connection ended before the host reported an exit status:
 * the command may or may not have run, and the operator must check.
 */
public enum ExecOutcome {
    OK, FAILED, TIMEOUT, CANCELLED, UNKNOWN
}
