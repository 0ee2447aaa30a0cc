package org.incidentconsole.health;

import java.time.Duration;
import java.time.Instant;
import org.incidentconsole.ssh.ExecOutcome;

/** A check that runs one command on the host and reads its output. */
abstract class ShellCheck implements HealthCheck {
    private final String name;
    private final Duration timeout;

    ShellCheck(String name, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    abstract String command();

    /** Reads a command that ran; returns status, value, detail. */
    abstract Verdict read(HostProbe.CommandOutput out);

    record Verdict(HealthStatus status, String value, String detail) {
    }

    @Override
    public final CheckResult run(HostProbe probe) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        HostProbe.CommandOutput out = probe.run(command(), timeout);
        Verdict v;
        if (out.outcome() == ExecOutcome.TIMEOUT) {
            return CheckResult.unanswered(probe.host(), name, kind(), at, Reachability.TIMEOUT, "no answer within "
                    + timeout.toSeconds() + " s", Duration.ofNanos(System.nanoTime() - start));
        } else if (out.outcome() == ExecOutcome.UNKNOWN
                || (out.exitStatus() == null && out.outcome() != ExecOutcome.OK)) {
            v = new Verdict(HealthStatus.UNKNOWN, "no result", out.reason());
        } else {
            try {
                v = read(out);
            } catch (RuntimeException e) {
                v = new Verdict(HealthStatus.UNKNOWN, "unreadable output", firstLine(out) + " (" + e.getMessage() + ")");
            }
        }
        return new CheckResult(probe.host(), name, kind(), at, v.status(), v.value(), v.detail(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    static HealthStatus byPercent(double percent, double warn, double critical) {
        return percent >= critical ? HealthStatus.CRITICAL : percent >= warn ? HealthStatus.WARN : HealthStatus.OK;
    }

    private static String firstLine(HostProbe.CommandOutput out) {
        return out.stdout().isEmpty() ? (out.stderr().isEmpty() ? "" : out.stderr().get(0)) : out.stdout().get(0);
    }
}
