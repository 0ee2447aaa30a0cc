package org.incidentconsole.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.incidentconsole.drill.RunningDrill;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The one entry point. No arguments: open the console window. Not a JavaFX Application subclass, so the app
 * starts with JavaFX on the class path. Holds no logger: logging starts after the data directory is known and
 * made private. Any failure reaches the operator as one sentence ({@code incident-console: ...}, exit 1); its
 * stack trace goes to the log file.
 */
@Command(name = "incident-console", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {LintCommand.class, ReportCommand.class},
        description = "Desktop console for the on-call operator: hosts over SSH, runbooks, timeline, report.")
public final class Main implements Callable<Integer> {
    private final AppHome home;

    @Option(names = "--inventory", paramLabel = "PATH",
            description = "Inventory YAML file (default: $INCIDENT_CONSOLE_HOME/inventory.yaml, "
                    + "else ~/.incident-console/inventory.yaml).")
    Path inventory;

    @Option(names = "--join-drill",
            description = "Open a second window on the drill another console runs on this machine, to rehearse "
                    + "sharing an incident (its own data directory: $INCIDENT_CONSOLE_HOME, else joined-drill/ "
                    + "in the default one).")
    boolean joinDrill;

    @Option(names = "--exit-after-first-frame", hidden = true,
            description = "Quit once the window's first frame is drawn (launch measurements, CDS training).")
    boolean exitAfterFirstFrame;

    Main(AppHome home) {
        this.home = home;
    }

    /** The data directory: subcommands find incidents by id in it. */
    AppHome home() {
        return home;
    }

    public static void main(String[] args) {
        AppHome home = AppHome.resolve(System.getenv(), System.getProperty("user.home"));
        System.setProperty(AppHome.PROPERTY, home.dir().toString());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        System.exit(run(home, out, err, args));
    }

    /** Prepares the data directory, runs the command line, and turns any failure into one sentence. */
    static int run(AppHome home, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = cli(home);
        cli.setOut(out);
        cli.setErr(err);
        return run(home, cli, args);
    }

    static int run(AppHome home, CommandLine cli, String... args) {
        try {
            List<String> narrowed = home.prepare();
            narrowed.forEach(w -> LoggerFactory.getLogger(Main.class).warn(w));
            return cli.execute(args);
        } catch (Throwable t) {
            return fail(home, cli.getErr(), t);
        }
    }

    /** The command line with every subcommand; drill needs the data directory, so it is built here. */
    static CommandLine cli(AppHome home) {
        CommandLine cli = new CommandLine(new Main(home));
        cli.addSubcommand(new DrillCommand(home));
        cli.addSubcommand(new PreflightCommand(home));
        cli.addSubcommand(new NotifyCommand(home, System.getenv()));
        cli.addSubcommand(new FollowCommand(home, System.getenv()));
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> fail(home, commandLine.getErr(), e));
        return cli;
    }

    private static int fail(AppHome home, PrintWriter err, Throwable t) {
        String sentence = PlainMessage.of(t);
        if (Files.isWritable(home.logFile())) { // else logback would print its own stack trace to the console
            try {
                LoggerFactory.getLogger(Main.class).error("incident-console: {}", sentence, t);
            } catch (Throwable logging) {
                // the log may be on the same full disk; the operator still gets the sentence
            }
        }
        err.println("incident-console: " + sentence
                + (PlainMessage.expected(t) ? "" : " (details in the log file)"));
        err.flush();
        return 1;
    }

    @Override
    public Integer call() {
        if (exitAfterFirstFrame) {
            System.setProperty(FirstFrame.EXIT_PROPERTY, "true");
        }
        if (joinDrill) {
            RunningDrill running = RunningDrill.find().orElseThrow(() -> new IllegalStateException(
                    "no running drill to join: start one first with ./mvnw javafx:run (no inventory) in another"
                    + " terminal"));
            AppHome own = System.getenv(AppHome.ENV) != null ? home : new AppHome(home.dir().resolve("joined-drill"));
            try {
                own.prepare().forEach(w -> LoggerFactory.getLogger(Main.class).warn(w));
            } catch (IOException e) {
                throw new UncheckedIOException("the data directory " + own.dir() + " cannot be prepared", e);
            }
            ConsoleApplication.launch(new LaunchOptions(own, running.inventory(), true, running));
            return 0;
        }
        ConsoleApplication.launch(new LaunchOptions(home, inventory != null ? inventory : home.inventory(),
                inventory != null));
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"incident-console " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
