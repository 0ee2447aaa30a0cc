package org.incidentconsole.ui.runbook;

import java.util.List;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.Danger;

/**
 * What the operator reads before typing the environment's name to run a dangerous step: the command lines as
 * they will run (values filled), the hosts they run on, and every danger with its reason. Plain text, built by
 * the view model; the dialog only shows it.
 *
 * @param heading  "Restart the API will run on 2 hosts, host by host."
 * @param commands the scripts as they will run
 * @param hosts    "web-01 (10.0.0.11), web-02 (10.0.0.12)"
 * @param dangers  one line per danger: "restarts or stops a service — line 12: sudo systemctl restart api"
 * @param prompt   "Type 'production' to run it."
 * @param word     what must be typed
 */
public record DangerConfirmation(String heading, String commands, String hosts, List<String> dangers,
                                 String prompt, String word) {
    public DangerConfirmation {
        dangers = List.copyOf(dangers);
    }

    static DangerConfirmation of(String stepTitle, String commands, List<Danger> dangers, List<Host> hosts,
                                 StepRunner.Mode mode, String environment) {
        String how = hosts.size() < 2 ? "" : mode == StepRunner.Mode.ROLLING ? ", host by host" : ", all at once";
        String heading = stepTitle + " will run on " + hosts.size() + (hosts.size() == 1 ? " host" : " hosts") + how
                + (dangers.size() == 1 ? ". It has 1 danger:" : ". It has " + dangers.size() + " dangers:");
        String targets = String.join(", ", hosts.stream().map(h -> h.address() == null || h.address().equals(h.name())
                ? h.name() : h.name() + " (" + h.address() + ")").toList());
        List<String> lines = dangers.stream().map(d -> d.reason() + " — line " + d.line() + ": " + d.command())
                .toList();
        return new DangerConfirmation(heading, commands, targets, lines, "Type '" + environment + "' to run it.",
                environment);
    }
}
