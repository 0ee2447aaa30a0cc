package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.PrivateFiles;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHomeTest {
    @TempDir
    Path tmp;

    @Test
    void defaults_to_a_folder_in_the_users_home() {
        AppHome home = AppHome.resolve(Map.of(), "/home/op");
        assertThat(home.dir()).isEqualTo(Path.of("/home/op/.incident-console"));
        assertThat(home.inventory()).isEqualTo(Path.of("/home/op/.incident-console/inventory.yaml"));
        assertThat(home.knownHosts()).isEqualTo(Path.of("/home/op/.incident-console/known_hosts"));
        assertThat(home.logFile()).isEqualTo(Path.of("/home/op/.incident-console/logs/incident-console.log"));
    }

    @Test
    void the_environment_variable_overrides_it() {
        assertThat(AppHome.resolve(Map.of("INCIDENT_CONSOLE_HOME", "/srv/ic"), "/home/op").dir())
                .isEqualTo(Path.of("/srv/ic"));
        assertThat(AppHome.resolve(Map.of("INCIDENT_CONSOLE_HOME", "  "), "/home/op").dir())
                .isEqualTo(Path.of("/home/op/.incident-console"));
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void a_fresh_data_directory_its_journals_reports_and_log_are_readable_by_the_owner_only() throws Exception {
        AppHome home = new AppHome(tmp.resolve("fresh"));
        IncidentSession s;
        assertThat(home.prepare()).isEmpty();
        s = new IncidentStore(home.incidents(), Clock.systemUTC()).start("Private", "x", Severity.P2, "drill",
                "jane", null, "UTC");
        s.record(new IncidentEvent.NoteAdded("captured output", "jane")).get();
        s.close();
        Path report = home.dir().resolve("report.md");
        StringWriter err = new StringWriter();
        int exit = Main.run(home, new PrintWriter(new StringWriter()), new PrintWriter(err), "report",
                s.journalFile().getParent().toString(), "-o", report.toString());
        assertThat(exit).as(err.toString()).isZero();

        assertThat(perms(home.dir())).as("data directory").isEqualTo("rwx------");
        assertThat(perms(home.logFile().getParent())).as("logs folder").isEqualTo("rwx------");
        assertThat(perms(home.logFile())).as("log file").isEqualTo("rw-------");
        assertThat(perms(home.incidents())).as("incidents folder").isEqualTo("rwx------");
        assertThat(perms(s.journalFile().getParent())).as("incident folder").isEqualTo("rwx------");
        assertThat(perms(s.journalFile())).as("journal").isEqualTo("rw-------");
        assertThat(perms(report)).as("report").isEqualTo("rw-------");
        System.out.printf("permissions: home %s, logs %s, log %s, incidents %s, incident %s, journal %s, report %s%n",
                perms(home.dir()), perms(home.logFile().getParent()), perms(home.logFile()), perms(home.incidents()),
                perms(s.journalFile().getParent()), perms(s.journalFile()), perms(report));
    }

    @Test
    void an_existing_data_directory_open_to_others_is_narrowed_and_each_change_is_reported() throws Exception {
        AppHome home = new AppHome(tmp.resolve("old"));
        Files.createDirectories(home.logFile().getParent());
        Files.createDirectories(home.incidents());
        Files.createFile(home.logFile());
        for (Path p : new Path[] {home.dir(), home.logFile().getParent(), home.incidents()}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(home.logFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(home.prepare()).containsExactly(
                home.dir() + " was readable by other users; it is now readable by its owner only",
                home.logFile().getParent() + " was readable by other users; it is now readable by its owner only",
                home.incidents() + " was readable by other users; it is now readable by its owner only",
                home.logFile() + " was readable by other users; it is now readable by its owner only");
        assertThat(perms(home.dir())).isEqualTo("rwx------");
        assertThat(perms(home.incidents())).isEqualTo("rwx------");
        assertThat(perms(home.logFile())).isEqualTo("rw-------");
        assertThat(home.prepare()).as("nothing left to narrow").isEmpty();
    }

    @Test
    void a_report_written_over_a_world_readable_file_becomes_owner_only() throws Exception {
        Path report = Files.createFile(tmp.resolve("old-report.md"));
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-rw-"));
        PrivateFiles.writeString(report, "# report\n");
        assertThat(perms(report)).isEqualTo("rw-------");
        assertThat(Files.readString(report)).isEqualTo("# report\n");
    }

    @Test
    void the_log_file_is_owner_only_from_the_start_and_after_each_roll() throws Exception {
        var context = new ch.qos.logback.classic.LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        var appender = new PrivateRollingFileAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.setContext(context);
        appender.setName("FILE");
        Path log = tmp.resolve("logs").resolve("incident-console.log");
        appender.setFile(log.toString());
        var rolling = new ch.qos.logback.core.rolling.FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(tmp.resolve("logs").resolve("incident-console.%i.log").toString());
        rolling.start();
        var trigger = new ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy<ch.qos.logback.classic.spi.ILoggingEvent>();
        trigger.setContext(context);
        trigger.start();
        var encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        var logger = context.getLogger("test");
        logger.addAppender(appender);
        logger.info("before the roll");
        assertThat(perms(log.getParent())).isEqualTo("rwx------");
        assertThat(perms(log)).isEqualTo("rw-------");

        // a compressed log of an earlier roll, written by logback in the background with the default umask
        Path earlier = tmp.resolve("logs").resolve("incident-console.2026-11-23.0.log.gz");
        Files.write(earlier, new byte[] {31, -117});
        Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("rw-r--r--"));
        appender.rollover();
        logger.info("after the roll");
        appender.stop();

        assertThat(Files.readString(log)).isEqualTo("after the roll\n");
        assertThat(perms(log)).as("the fresh log file").isEqualTo("rw-------");
        Path rolled = tmp.resolve("logs").resolve("incident-console.1.log");
        assertThat(Files.readString(rolled)).isEqualTo("before the roll\n");
        assertThat(perms(rolled)).as("the rolled log file").isEqualTo("rw-------");
        assertThat(perms(earlier)).as("an earlier compressed log").isEqualTo("rw-------");
    }
}
