package org.incidentconsole.health;

import java.time.Duration;
import java.util.regex.Pattern;
import org.incidentconsole.redact.Redactor;

/** Any command: OK when it exits with the expected status and (if given) its output matches the regex. */
final class CommandCheck extends ShellCheck {
    private static final Redactor REDACTOR = new Redactor();
    private final String command;
    private final int expectExit;
    private final Pattern expectRegex;

    CommandCheck(String name, String command, int expectExit, String expectRegex, Duration timeout) {
        super(name, timeout);
        this.command = command;
        this.expectExit = expectExit;
        this.expectRegex = expectRegex == null ? null : Pattern.compile(expectRegex);
    }

    @Override
    public String kind() {
        return "command";
    }

    @Override
    String command() {
        return command;
    }

    @Override
    Verdict read(HostProbe.CommandOutput out) {
        String first = out.stdout().isEmpty() ? "" : REDACTOR.scrub(out.stdout().get(0));
        int exit = out.exitStatus() == null ? -1 : out.exitStatus();
        if (exit != expectExit) {
            return new Verdict(HealthStatus.CRITICAL, "exit " + exit, "expected exit " + expectExit + "; " + first);
        }
        if (expectRegex != null && !expectRegex.matcher(out.text()).find()) {
            return new Verdict(HealthStatus.CRITICAL, first.isEmpty() ? "no output" : first,
                    "output does not match " + expectRegex.pattern());
        }
        return new Verdict(HealthStatus.OK, first.isEmpty() ? "exit " + exit : first, command);
    }
}
