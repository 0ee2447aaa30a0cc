package org.incidentconsole.incident;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.report.ReportRenderer;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.StreamKind;
import org.incidentconsole.ssh.SudoPasswordPrompt;
import org.incidentconsole.ssh.SudoPasswords;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.SudoTestUser;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * sudo with a password against a real OpenSSH sshd and a real sudo: a non-root user whose sudoers entry needs its
 * password on every sudo. The password is asked once per host and user, fed on the command's input, asked again
 * when refused, and never reaches output, journal, log or report.
 */
class SudoStepOpenSshTest {
    static final String RUNBOOK = """
            # Restart
            ## Two sudo commands (1 minute)
            ```bash
            sudo id -u
            sudo -u root whoami
            ```
            ## Again (1 minute)
            ```bash
            echo second step && sudo true && echo still root
            ```
            ## Leaky script (1 minute)
            ```bash
            sudo cat /home/ic-sudo-test/leak.txt
            ```
            ## In a terminal (1 minute)
            <!-- tty -->
            ```bash
            tty
            echo to-stderr >&2
            sudo id -un
            ```
            ## Reads its input (1 minute)
            ```bash
            sudo cat
            echo input closed
            ```
            """;

    @TempDir
    Path dir;
    SshKit kit;
    OpenSshServer sshd;
    Host web1;
    String password;
    IncidentSession session;
    final List<String> asked = new CopyOnWriteArrayList<>();
    final List<String> output = new CopyOnWriteArrayList<>();
    FileAppender<ILoggingEvent> log;
    Level rootLevel;

    @BeforeEach
    void setUp() throws Exception {
        password = SudoTestUser.prepare();
        Files.writeString(Path.of("/home/" + SudoTestUser.NAME + "/leak.txt"), "the password is " + password + "\n");
        Path server = Files.createDirectories(dir.resolve("sshd"));
        Path key = TestKeys.generate(dir, "id_ed25519");
        sshd = OpenSshServer.start(server, TestKeys.publicKey(key));
        SudoTestUser.allowLogin(server);
        kit = new SshKit(dir);
        web1 = new Host("web-01", "127.0.0.1", sshd.port(), SudoTestUser.NAME, List.of(key), false, List.of(), null,
                null, null, BreakerSettings.defaults(), List.of(), Map.of());
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("t", "x", Severity.P1,
                "production", "jane", "restart.md", "UTC");
        captureLogs(dir.resolve("console.log"));
    }

    @AfterEach
    void tearDown() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(log);
        root.setLevel(rootLevel);
        log.stop();
        session.close();
        kit.close();
        sshd.close();
        Files.deleteIfExists(Path.of("/home/" + SudoTestUser.NAME + "/leak.txt"));
    }

    /** Everything the console logs, at every level, to a file the leak scan reads. */
    private void captureLogs(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger %msg%n%ex");
        encoder.start();
        log = new FileAppender<>();
        log.setContext(context);
        log.setFile(file.toString());
        log.setEncoder(encoder);
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addAppender(log);
    }

    SshConnections connections;

    private StepRunner runner(SudoPasswordPrompt prompt) {
        connections = kit.connections();
        return new StepRunner(connections, new Redactor(), kit.io, new SudoPasswords(prompt));
    }

    private SudoPasswordPrompt answering(String... answers) {
        return (host, user, problem) -> {
            asked.add(host + " " + user + " " + problem);
            return asked.size() <= answers.length ? answers[asked.size() - 1].toCharArray() : null;
        };
    }

    private StepRunner.HostOutcome run(StepRunner runner, int step, Host host) throws Exception {
        Step s = new RunbookParser().parse("restart.md", RUNBOOK).steps().get(step);
        return runner.run(session, s, List.of(host), StepRunner.Mode.PARALLEL, Map.of(), null, "jane",
                (h, stream, line) -> output.add(stream + " " + line)).outcomes().get(120, TimeUnit.SECONDS)
                .get(host.name());
    }

    @Test
    void sudo_steps_run_with_the_password_asked_once_per_host_and_user() throws Exception {
        StepRunner runner = runner(answering(password));

        StepRunner.HostOutcome first = run(runner, 0, web1);
        StepRunner.HostOutcome second = run(runner, 1, web1);

        assertThat(first.outcome()).as(first.reason() + " " + output).isEqualTo(StepOutcome.OK);
        assertThat(second.outcome()).as(second.reason() + " " + output).isEqualTo(StepOutcome.OK);
        assertThat(output).contains("STDOUT 0", "STDOUT root", "STDOUT still root");
        assertThat(asked).containsExactly("web-01 ic-sudo-test null"); // three sudo prompts, one question
        assertNoFileHolds(password);
    }

    @Test
    void the_password_is_forgotten_when_the_host_disconnects_and_asked_again_after() throws Exception {
        StepRunner runner = runner(answering(password, password));

        assertThat(run(runner, 1, web1).outcome()).isEqualTo(StepOutcome.OK);
        connections.connection(web1).disconnect();
        StepRunner.HostOutcome after = run(runner, 1, web1);

        assertThat(after.outcome()).as(after.reason() + " " + output).isEqualTo(StepOutcome.OK);
        assertThat(asked).containsExactly("web-01 ic-sudo-test null", "web-01 ic-sudo-test null");
    }

    @Test
    void a_wrong_password_is_refused_said_plainly_and_asked_again() throws Exception {
        StepRunner runner = runner(answering("not-the-password", password));

        StepRunner.HostOutcome outcome = run(runner, 1, web1);

        assertThat(outcome.outcome()).as(outcome.reason() + " " + output).isEqualTo(StepOutcome.OK);
        assertThat(asked).containsExactly("web-01 ic-sudo-test null",
                "web-01 ic-sudo-test sudo refused the password for ic-sudo-test on web-01");
        assertThat(output).contains("STDERR Sorry, try again.", "STDOUT still root");
        assertNoFileHolds(password);
        assertNoFileHolds("not-the-password");
    }

    @Test
    void no_password_given_fails_the_host_with_the_reason_and_never_hangs() throws Exception {
        StepRunner.HostOutcome outcome = run(runner(SudoPasswordPrompt.NONE), 1, web1);

        assertThat(outcome.outcome()).isEqualTo(StepOutcome.FAILED);
        assertThat(outcome.reason()).isEqualTo("sudo needs the password of ic-sudo-test on web-01 and none was given");
    }

    @Test
    void a_script_that_prints_the_password_shows_a_mark_and_nothing_on_disk_holds_it() throws Exception {
        StepRunner runner = runner(answering(password));

        StepRunner.HostOutcome outcome = run(runner, 2, web1);

        assertThat(outcome.outcome()).as(outcome.reason() + " " + output).isEqualTo(StepOutcome.OK);
        assertThat(output).contains("STDOUT the password is [REDACTED:sudo-password]");
        assertNoFileHolds(password);
    }

    @Test
    void a_step_marked_tty_runs_in_a_terminal_with_merged_output_and_sudo_still_answered() throws Exception {
        StepRunner.HostOutcome outcome = run(runner(answering(password)), 3, web1);

        assertThat(outcome.outcome()).as(outcome.reason() + " " + output).isEqualTo(StepOutcome.OK);
        assertThat(output.get(0)).startsWith("STDOUT [terminal allocated");
        assertThat(output).anyMatch(l -> l.startsWith("STDOUT /dev/pts/"))
                .contains("STDOUT to-stderr", "STDOUT root")
                .noneMatch(l -> l.startsWith(StreamKind.STDERR.name()));
    }

    @Test
    void a_host_with_tty_true_gets_a_terminal_for_every_step() throws Exception {
        Host withTty = new Host("web-01", "127.0.0.1", sshd.port(), SudoTestUser.NAME, web1.identityFiles(), false,
                List.of(), null, null, null, BreakerSettings.defaults(), List.of(), Map.of(), true);

        StepRunner.HostOutcome outcome = run(runner(answering(password)), 0, withTty);

        assertThat(outcome.outcome()).as(outcome.reason() + " " + output).isEqualTo(StepOutcome.OK);
        assertThat(output).first().asString().startsWith("STDOUT [terminal allocated");
        assertThat(output).contains("STDOUT 0", "STDOUT root");
    }

    @Test
    void a_login_that_sudo_asks_no_password_is_left_alone_no_question_and_no_input() throws Exception {
        Host asRoot = new Host("web-02", "127.0.0.1", sshd.port(), "root", web1.identityFiles(), false, List.of(),
                null, null, null, BreakerSettings.defaults(), List.of(), Map.of());

        StepRunner.HostOutcome outcome = run(runner(answering()), 4, asRoot);

        assertThat(outcome.outcome()).as(outcome.reason() + " " + output).isEqualTo(StepOutcome.OK);
        assertThat(output).containsExactly("STDOUT input closed"); // sudo cat read EOF at once, as with ssh -n
        assertThat(asked).isEmpty();
    }

    /** Closes the journal, writes the report next to it, and reads every file under the test's directory. */
    private void assertNoFileHolds(String secret) throws Exception {
        session.close();
        String report = new ReportRenderer().render(JournalReader.read(session.journalFile()).records());
        Files.writeString(dir.resolve("report.md"), report);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).contains(session.journalFile(), dir.resolve("console.log"), dir.resolve("report.md"));
        List<Path> holding = new ArrayList<>();
        for (Path f : files) {
            if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret)) {
                holding.add(f);
            }
        }
        assertThat(holding).as("files holding the secret").isEmpty();
        assertThat(output).noneMatch(l -> l.contains(secret));
        assertThat(Files.readString(session.journalFile())).contains("sudo");
    }
}
