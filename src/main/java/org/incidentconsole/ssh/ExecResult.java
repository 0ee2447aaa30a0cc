package org.incidentconsole.ssh;

import java.time.Duration;

/** The end of one command on one host. {@code exitStatus} is null when the host never reported one. */
public record ExecResult(String host, String command, ExecOutcome outcome, Integer exitStatus, Duration duration,
                         String reason) {
}
