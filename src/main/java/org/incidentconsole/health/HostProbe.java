package org.incidentconsole.health;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.incidentconsole.ssh.ExecOutcome;

/** What a check may do on a host: run a command, or open a forward to an address as the host sees it. */
public interface HostProbe {
    String host();

    /** Runs a command; never throws for a failed command: the result says what happened. */
    CommandOutput run(String command, Duration timeout);

    /** A local port reaching {@code address:port} through the host (cached per target). */
    int forward(String address, int port) throws IOException;

    /** {@code outcome} as the ssh layer reports it. */
    record CommandOutput(ExecOutcome outcome, Integer exitStatus, List<String> stdout, List<String> stderr,
            String reason) {
        public String text() {
            return String.join("\n", stdout);
        }
    }
}
