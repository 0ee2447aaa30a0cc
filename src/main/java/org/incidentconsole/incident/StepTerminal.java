package org.incidentconsole.incident;

import java.util.regex.Pattern;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Step;

/**
 * Whether a step runs in a terminal on a host: the step asks with {@code <!-- tty -->} in its text, or the host
 * with {@code tty: true} in the inventory (sudoers with {@code requiretty}). With a terminal, stdout and stderr
 * arrive merged.
 */
final class StepTerminal {
    private static final Pattern TTY_COMMENT = Pattern.compile("<!--\\s*tty\\s*-->", Pattern.CASE_INSENSITIVE);

    private StepTerminal() {
    }

    static boolean wanted(Step step, Host host) {
        return host.tty() || (step.description() != null && TTY_COMMENT.matcher(step.description()).find());
    }
}
