package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.testing.SmallTmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class MainTest {
    private final AppHome home = AppHome.resolve(Map.of(), "/home/op");

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main(home));
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void version_names_the_build() {
        assertThat(run("--version")).startsWith("incident-console ").doesNotContain("unknown")
                .doesNotContain("${project.version}");
    }

    @Test
    void help_lists_the_inventory_option() {
        assertThat(run("--help")).contains("--inventory=PATH").contains("--version");
    }

    @Test
    void the_launch_measurement_option_is_parsed_but_not_advertised() {
        Main main = new Main(home);
        new CommandLine(main).parseArgs("--exit-after-first-frame");
        assertThat(main.exitAfterFirstFrame).isTrue();
        assertThat(run("--help")).doesNotContain("first-frame");
    }

    @Test
    void the_inventory_option_is_parsed() {
        Main main = new Main(home);
        new CommandLine(main).parseArgs("--inventory", "/tmp/inv.yaml");
        assertThat(main.inventory).isEqualTo(Path.of("/tmp/inv.yaml"));
    }

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private static Run cli(AppHome home, CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = Main.run(home, cli, args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run cli(AppHome home, String... args) {
        return cli(home, Main.cli(home), args);
    }

    /** One line for the operator, nothing that looks like a stack trace. */
    private static void assertOneSentence(Run run, String expected) {
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines().toList()).as(run.err()).singleElement().isEqualTo(expected);
        assertThat(run.err()).doesNotContain("\tat ", "at org.", "at java.", "Exception", "Error:");
    }

    private IncidentSession incident(AppHome home) throws Exception {
        home.prepare();
        IncidentSession s = new IncidentStore(home.incidents(), Clock.systemUTC()).start("Checkout down", "x",
                Severity.P1, "drill", "jane", null, "UTC");
        s.record(new IncidentEvent.NoteAdded("rolled back", "jane")).get();
        s.close();
        return s;
    }

    @Test
    void a_missing_journal_is_one_sentence() {
        Path missing = tmp.resolve("nowhere").resolve("journal.jsonl");
        assertOneSentence(cli(new AppHome(tmp.resolve("home")), "report", missing.toString()),
                missing + ":0: no journal here");
    }

    @Test
    void a_folder_where_the_report_file_should_go_is_one_sentence() throws Exception {
        AppHome home = new AppHome(tmp.resolve("home"));
        IncidentSession s = incident(home);
        Path folder = Files.createDirectories(tmp.resolve("out"));
        assertOneSentence(cli(home, "report", s.journalFile().toString(), "-o", folder.toString()),
                "incident-console: the report could not be written to " + folder + ": is a directory: " + folder);
    }

    @Test
    void a_folder_where_the_journal_should_be_is_one_sentence() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("INC-x").resolve("journal.jsonl"));
        assertOneSentence(cli(new AppHome(tmp.resolve("home")), "report", folder.getParent().toString()),
                folder + ":0: cannot read: Is a directory");
    }

    @Test
    void a_report_on_a_full_disk_is_one_sentence_and_leaves_no_half_written_file() throws Exception {
        try (SmallTmpfs disk = SmallTmpfs.mount(256)) {
            AppHome home = new AppHome(disk.dir().resolve("home"));
            IncidentSession s = incident(home);
            Path report = home.dir().resolve("report.md");
            disk.fill();
            Run run = cli(home, "report", s.journalFile().toString(), "-o", report.toString());
            System.out.println("report on a full disk: " + run.err().strip());
            assertOneSentence(run, "incident-console: the report could not be written to " + report
                    + ": the disk is full (No space left on device)");
            assertThat(report).doesNotExist();
        }
    }

    @Test
    void a_drill_run_on_a_full_disk_is_one_sentence() throws Exception {
        try (SmallTmpfs disk = SmallTmpfs.mount(256)) {
            AppHome home = new AppHome(disk.dir().resolve("home"));
            home.prepare();
            disk.fill();
            Run run = cli(home, "drill", "--run", "runbooks/emergency-rollback.md");
            System.out.println("drill --run on a full disk: " + run.err().strip());
            assertOneSentence(run, run.err().lines().findFirst().orElse(""));
            assertThat(run.err()).matches("incident-console: the journal could not be written: the disk is full "
                    + "\\(\\d+ bytes free on " + Pattern.quote(disk.dir().toString())
                    + "\\); the incident's first event "
                    + "was not recorded — free space, then retry\\R");
            assertThat(home.incidents()).as("no empty incident left behind").isEmptyDirectory();
        }
    }

    static Stream<Throwable> errors() {
        return Stream.of(new OutOfMemoryError("Java heap space"), new StackOverflowError(),
                new IllegalStateException("java.io.IOException: the inventory holds no host"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void even_an_error_of_the_virtual_machine_is_one_sentence(Throwable error) {
        @CommandLine.Command(name = "boom")
        class Boom implements Callable<Integer> {
            @Override
            public Integer call() {
                if (error instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) error;
            }
        }
        AppHome home = new AppHome(tmp.resolve("home"));
        CommandLine cli = Main.cli(home);
        cli.addSubcommand(new Boom());
        Run run = cli(home, cli, "boom");
        String expected = switch (error.getClass().getSimpleName()) {
            case "OutOfMemoryError" -> "incident-console: ran out of memory (the heap limit is "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): the input is too large for this heap";
            case "StackOverflowError" -> "incident-console: the input is nested too deeply to be processed";
            default -> "incident-console: the inventory holds no host (details in the log file)";
        };
        assertOneSentence(run, expected);
    }

    @Test
    void the_stack_trace_goes_to_the_private_log_file_and_the_operator_sees_one_sentence() throws Exception {
        Path home = tmp.resolve("home");
        Path folder = Files.createDirectories(tmp.resolve("out"));
        IncidentSession s = incident(new AppHome(home));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "report", s.journalFile().toString(), "-o", folder.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put(AppHome.ENV, home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertOneSentence(new Run(p.exitValue(), out, err), "incident-console: the report could not be written to "
                + folder + ": is a directory: " + folder);
        Path log = new AppHome(home).logFile();
        assertThat(Files.readString(log)).contains("ERROR", "the report could not be written to " + folder,
                "at org.incidentconsole.app.ReportCommand");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }
}
