package org.incidentconsole.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.HealthCheckSpec;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The log an operator reads after an outage: a line per change of state, not one per health command. */
class HealthLogLinesTest {
    @TempDir
    Path dir;

    @Test
    void polling_a_steady_host_logs_its_first_state_at_info_and_every_command_only_at_debug() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger("org.incidentconsole");
        Level before = root.getLevel();
        // the command's DEBUG line is written by its own thread, which may finish after the poll's result: count it
        CountDownLatch commandsLogged = new CountDownLatch(5);
        ListAppender<ILoggingEvent> log = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent e) {
                super.append(e);
                if (e.getLevel() == Level.DEBUG && e.getFormattedMessage().contains("command ended")) {
                    commandsLogged.countDown();
                }
            }
        };
        log.start();
        root.addAppender(log);
        root.setLevel(Level.DEBUG);
        List<ILoggingEvent> events;
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (SshKit kit = new SshKit(dir); MinaSshServer server = MinaSshServer.start(TestKeys.publicKey(key))) {
            kit.trust(server);
            HealthCheck check = HealthChecks.of(new HealthCheckSpec("ready", "command",
                    Map.of("command", "echo ready", "expect_regex", "ready")), Map.of());
            Host host = SshKit.host("web-01", server.port(), key);
            try (HealthPoller poller = new HealthPoller(kit.connections(), Map.of(host, List.of(check)),
                    Clock.systemUTC())) {
                for (int i = 0; i < 5; i++) {
                    poller.pollOnce().get(60, TimeUnit.SECONDS);
                }
                assertThat(commandsLogged.await(30, TimeUnit.SECONDS)).as("five commands logged").isTrue();
                events = List.copyOf(log.list); // before the servers stop and the connection is lost
            }
        } finally {
            root.detachAppender(log);
            root.setLevel(before);
        }
        List<String> info = events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
        info.forEach(line -> System.out.println("INFO " + line));
        assertThat(info).filteredOn(l -> l.startsWith("Health web-01 ready")).as("one line: its first state")
                .singleElement().satisfies(l -> assertThat(l).contains("first result -> OK"));
        assertThat(info).as("no INFO line per command").noneMatch(l -> l.contains("command ended"));
        assertThat(info).filteredOn(l -> l.contains("web-01: connection")).as("connecting, connected")
                .hasSize(2);
        assertThat(events).filteredOn(e -> e.getLevel() == Level.DEBUG
                && e.getFormattedMessage().contains("command ended")).as("each command at DEBUG").hasSizeGreaterThanOrEqualTo(5);
    }
}
