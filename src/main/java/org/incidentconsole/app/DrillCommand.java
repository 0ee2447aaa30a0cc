package org.incidentconsole.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.coordination.CoordinationUnavailableException;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.incident.IncidentBinding;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.report.RecordSource;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookException;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code incident-console drill [--run RUNBOOK --report FILE --operator NAME]}: the local rollback drill, headless. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Start the local drill (SSH, Redis, a broken sandbox deploy). Ctrl-C ends it.")
final class DrillCommand implements Callable<Integer> {
    private final AppHome home;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "RUNBOOK", description = "Walk this runbook unattended, then exit.")
    Path runbook;

    @Option(names = "--report", paramLabel = "FILE", description = "With --run: write the incident report here.")
    Path report;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "With --run: who signs the walk's acts in the journal (default: the OS user).")
    String operator = IncidentStore.defaultOperator();

    @Option(names = "--procedure", paramLabel = "NAME",
            description = "With --run: walk the section whose heading contains NAME (default: the main procedure).")
    String procedure;

    @Option(names = "--choose", paramLabel = "STEP=ALTERNATIVE",
            description = "With --run: at the choice whose heading contains STEP take the alternative whose label"
                    + " contains ALTERNATIVE (repeatable; default: the first alternative).")
    List<String> choose = new ArrayList<>();

    @Option(names = "--answer", paramLabel = "QUESTION=ANSWER",
            description = "With --run: answer the question containing QUESTION with the answer containing ANSWER"
                    + " (repeatable; default: the first answer).")
    List<String> answer = new ArrayList<>();

    @Option(names = "--watch-seconds", paramLabel = "N",
            description = "With --run: end a watch (tail -f …) as stable after N seconds (default: 10).")
    int watchSeconds = WalkOptions.DEFAULT_WATCH_SECONDS;

    DrillCommand(AppHome home) {
        this.home = home;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (runbook == null && report != null) {
            spec.commandLine().getErr().println("--report needs --run");
            return 2;
        }
        if (operator == null || operator.isBlank()) {
            spec.commandLine().getErr().println("--operator needs a name");
            return 2;
        }
        Runbook parsed;
        WalkOptions options;
        try {
            parsed = runbook == null ? null : new RunbookParser().parse(runbook);
            options = walkOptions(parsed);
        } catch (RunbookException | WalkOptions.BadOption e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        DrillEnvironment drill = DrillEnvironment.start(runbook != null);
        Thread cleanup = new Thread(drill::close, "drill-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            if (parsed == null) {
                printHowToReach(out, drill);
                new CountDownLatch(1).await();
                return 0;
            }
            return walk(out, drill, parsed, options);
        } finally {
            drill.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private static void printHowToReach(PrintWriter out, DrillEnvironment drill) {
        out.println("Drill running. Ctrl-C ends it and removes everything.");
        out.println("  SSH port:   " + drill.sshPort());
        out.println("  key file:   " + drill.clientKey());
        out.println("  inventory:  " + drill.inventory());
        out.println("  ssh -i " + drill.clientKey() + " -p " + drill.sshPort() + " -o UserKnownHostsFile="
                + drill.knownHosts() + " " + System.getProperty("user.name") + "@127.0.0.1");
        out.flush();
    }

    /** The walk's options, checked before the drill starts: a bad one is one sentence, nothing started. */
    private WalkOptions walkOptions(Runbook parsed) throws WalkOptions.BadOption {
        boolean given = procedure != null || !choose.isEmpty() || !answer.isEmpty()
                || watchSeconds != WalkOptions.DEFAULT_WATCH_SECONDS;
        if (parsed == null && given) {
            throw new WalkOptions.BadOption("--procedure, --choose, --answer and --watch-seconds need --run");
        }
        if (watchSeconds < 1) {
            throw new WalkOptions.BadOption("--watch-seconds needs a whole number of seconds, 1 or more");
        }
        WalkOptions options = new WalkOptions(procedure, WalkOptions.picks("--choose", choose),
                WalkOptions.picks("--answer", answer), watchSeconds);
        if (parsed != null) {
            options.procedureOf(parsed);
            options.check(parsed);
        }
        return options;
    }

    /** #22: the walk's incident on the drill's coordination Redis, so a teammate can follow it; null without one. */
    private static SharedSession share(PrintWriter out, IncidentSession session, Inventory inventory,
                                       SshConnections ssh, AppExecutors executors) {
        if (inventory.coordination() == null) {
            return null;
        }
        CoordinationConnector.Connected connected = null;
        try {
            connected = new CoordinationConnector(ssh, System.getenv()).open(inventory);
            SharedSession shared = SharedSession.open(session, connected, executors.io(), executors.scheduler(),
                    (id, events) -> { });
            out.println("Shared: incident-console follow " + session.id() + " --inventory " + inventory.source());
            return shared;
        } catch (CoordinationUnavailableException | JournalException | IOException | RuntimeException e) {
            if (connected != null) {
                connected.close();
            }
            out.println("Not shared: " + e.getMessage());
            return null;
        }
    }

    private int walk(PrintWriter out, DrillEnvironment drill, Runbook parsed, WalkOptions options) throws Exception {
        Inventory inventory = new InventoryLoader(Path.of(System.getProperty("user.home"))).load(drill.inventory());
        Host host = inventory.hosts().get(0);
        try (AppExecutors executors = new AppExecutors();
             SshConnections ssh = new SshConnections(SshSettings.defaults(), new HostKeyStore(null, drill.knownHosts()),
                     new SshAuth(null, drill.root(), PassphrasePrompt.NONE), HostKeyPrompt.REFUSE_ALL,
                     executors.io(), executors.scheduler());
             RedisLinks redis = new RedisLinks(ssh, Map.of(), RedisPasswordPrompt.NONE)) {
            IncidentStore store = new IncidentStore(home.dir().resolve("incidents"), Clock.systemUTC());
            IncidentSession session = store.start("Drill: " + parsed.title(), "Health endpoint failing", Severity.P1,
                    IncidentBinding.of(inventory.environment().label(),
                            String.valueOf(drill.inventory().getFileName()),
                            inventory.hosts().stream().map(Host::name).toList()),
                    operator.strip(), parsed.source(), UnattendedWalk.zone());
            UnattendedWalk.Outcome outcome;
            SharedSession shared = null;
            try {
                out.println("Drill incident " + session.id() + ": walking " + parsed.title() + " on " + host.name());
                shared = share(out, session, inventory, ssh, executors);
                outcome = new UnattendedWalk(ssh, redis, executors.io(), out, options).walk(session, parsed, host);
                if (report != null) {
                    ReportCommand.write(new ReportRenderer().prepare(RecordSource.journal(session.journalFile())),
                            report);
                    session.record(new IncidentEvent.ReportExported(report.toString())).get();
                    out.println("\nReport: " + report);
                }
                out.println("Journal: " + session.journalFile());
            } finally {
                if (shared != null) {
                    if (!shared.timeline().awaitSent(Duration.ofSeconds(10))) {
                        out.println("Some events were not shared before the drill ended (they are in the journal).");
                    }
                    shared.close();
                }
                session.close();
            }
            if (outcome.healthy()) {
                out.println("Drill ended healthy: health OK, breakers closed, no rollback advised.");
            } else {
                out.println("Drill ended UNHEALTHY:");
                outcome.problems().forEach(p -> out.println("  - " + p));
            }
            out.flush();
            return outcome.healthy() ? 0 : 1;
        }
    }
}
