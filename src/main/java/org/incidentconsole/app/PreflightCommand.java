package org.incidentconsole.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.ssh.SshConnections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console preflight}: proves every host works and every notify channel's secrets are set before the
 * outage; exit 0, 1, or 2 (bad inventory).
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Connect to every host of the inventory and report what an incident needs, and whether "
                + "the secrets of every notify channel are set in the environment; exits 0 when everything works, 1 when something does not, 2 for a bad inventory.")
final class PreflightCommand implements Callable<Integer> {
    private final AppHome home;

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--json", description = "Print a JSON document instead of the table.")
    boolean json;

    PreflightCommand(AppHome home) {
        this.home = home;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory loaded;
        try {
            loaded = inventory.load(home);
        } catch (InventoryException e) {
            err.println("incident-console: " + e.getMessage());
            err.flush();
            return 2;
        }
        RefusingKeyRecorder keys = new RefusingKeyRecorder();
        try (AppExecutors executors = new AppExecutors();
             SshConnections ssh = CommandLineSsh.connections(home, System.getenv(), keys, executors)) {
            List<PreflightRow> rows = new Preflight(ssh, keys, System.getenv(), Clock.systemUTC()).run(loaded);
            List<ChannelPreflightRow> channels = ChannelSecrets.check(loaded.comms(), System.getenv());
            print(out, rows, channels, json);
            return rows.stream().allMatch(PreflightRow::ok) && channels.stream().allMatch(ChannelPreflightRow::ok)
                    ? 0 : 1;
        }
    }

    static void print(PrintWriter out, List<PreflightRow> rows, List<ChannelPreflightRow> channels, boolean json) {
        if (json) {
            out.println(PreflightTable.json(rows, channels));
        } else {
            PreflightTable.text(rows, channels).forEach(out::println);
        }
        out.flush();
    }
}
