package org.incidentconsole.ui.breakers;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.incidentconsole.breaker.BreakerActions;
import org.incidentconsole.breaker.BreakerCommand;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.breaker.RedisLinks;
import org.incidentconsole.breaker.RedisPasswordPrompt;
import org.incidentconsole.breaker.RedisUnavailableException;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.incident.JournalReader;
import org.incidentconsole.incident.PanelJournalEvents;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.RedisEndpoint;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.testing.TestRedis;
import org.incidentconsole.ui.common.ErrorPresenter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * The breaker panel's actions without a toolkit: a real Redis behind a real SSH tunnel, and a real journal the
 * commands write to as the console's do (every key's before and after).
 */
class BreakerActionsViewModelTest {
    private static final String SOURCE = "web-01 redis";

    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private SshKit kit;
    private MinaSshServer sshd;
    private TestRedis redis;
    private RedisLinks links;
    private IncidentSession session;
    private BreakerCommands commands;

    @BeforeEach
    void start() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        kit = new SshKit(dir);
        sshd = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(sshd);
        redis = TestRedis.start();
        links = new RedisLinks(kit.connections(), Map.of(), RedisPasswordPrompt.NONE);
        Host h = SshKit.host("web-01", sshd.port(), key);
        Host web1 = new Host(h.name(), h.address(), h.port(), h.user(), h.identityFiles(), false, List.of(), null,
                null, new RedisEndpoint("127.0.0.1", redis.port(), 0, null, false), BreakerSettings.defaults(),
                List.of(), Map.of());
        BreakerActions actions = new BreakerActions(links.linkFor(web1), BreakerSettings.defaults(),
                Clock.systemUTC());
        session = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()).start("Checkout down", "alert",
                Severity.P1, "production", "alice", null, "UTC");
        PanelJournalEvents events = new PanelJournalEvents(new Redactor());
        commands = (source, command, service) -> {
            if (!source.equals(SOURCE)) {
                throw new RedisUnavailableException(source + " is not connected", null);
            }
            var result = command.apply(actions, service);
            for (var event : events.of(result)) {
                session.record(event).join();
            }
            return result;
        };
        try (Jedis j = redis.direct()) {
            j.set("circuit_breaker:calcom:state", "open");
            j.set("circuit_breaker:calcom:failures", "9");
            j.set("circuit_breaker:stripe:state", "half_open");
        }
    }

    @AfterEach
    void stop() throws Exception {
        io.shutdownNow();
        session.close();
        links.close();
        redis.close();
        sshd.close();
        kit.close();
    }

    private static BreakerRow row(String source, String service, BreakerState state, String failures) {
        return new BreakerRow(source, service, state, failures, "—", false, "");
    }

    private List<IncidentEvent.BreakerAction> journaled() throws Exception {
        return JournalReader.read(session.journalFile()).records().stream().map(r -> r.data())
                .filter(IncidentEvent.BreakerAction.class::isInstance).map(IncidentEvent.BreakerAction.class::cast)
                .toList();
    }

    @Test
    void a_confirmed_reset_closes_the_breaker_journals_each_key_and_says_what_changed() throws Exception {
        BreakerActionsViewModel vm = new BreakerActionsViewModel(Runnable::run, new BreakerActionRunner(commands, io));
        var confirmation = vm.ask(BreakerCommand.RESET, List.of(row(SOURCE, "calcom", BreakerState.OPEN, "9")))
                .orElseThrow();
        assertThat(confirmation.title()).isEqualTo("Reset calcom");
        assertThat(confirmation.preview()).isEqualTo("calcom: open, failures 9  →  closed, failures deleted");
        try (Jedis j = redis.direct()) {
            assertThat(j.get("circuit_breaker:calcom:state")).as("nothing runs before the run").isEqualTo("open");
        }

        String line = vm.run(confirmation).get(30, TimeUnit.SECONDS);

        assertThat(line).matches("Reset calcom: [1-9]\\d* keys changed");
        assertThat(vm.resultProperty().get()).isEqualTo(line);
        try (Jedis j = redis.direct()) {
            assertThat(j.get("circuit_breaker:calcom:state")).isEqualTo("closed");
            assertThat(j.exists("circuit_breaker:calcom:failures")).isFalse();
            assertThat(j.get("circuit_breaker:stripe:state")).as("only the chosen breaker").isEqualTo("half_open");
        }
        assertThat(journaled()).anySatisfy(e -> {
            assertThat(e.key()).isEqualTo("circuit_breaker:calcom:state");
            assertThat(e.before()).isEqualTo("open");
            assertThat(e.after()).isEqualTo("closed");
            assertThat(e.result()).isEqualTo("ok");
        });
    }

    @Test
    void a_breaker_of_a_redis_that_is_not_connected_is_said_on_the_line_and_the_others_still_run() throws Exception {
        BreakerActionsViewModel vm = new BreakerActionsViewModel(Runnable::run, new BreakerActionRunner(commands, io));
        var confirmation = vm.ask(BreakerCommand.TRIP, List.of(row(SOURCE, "stripe", BreakerState.HALF_OPEN, "—"),
                row("web-02 redis", "mailgun", BreakerState.CLOSED, "0"))).orElseThrow();

        String line = vm.run(confirmation).get(30, TimeUnit.SECONDS);

        assertThat(line).startsWith("Trip 2 breakers: ").contains("keys changed")
                .contains("mailgun: web-02 redis is not connected").doesNotContain("Exception");
        try (Jedis j = redis.direct()) {
            assertThat(j.get("circuit_breaker:stripe:state")).isEqualTo("open");
        }
        assertThat(journaled()).extracting(IncidentEvent.BreakerAction::key).contains("circuit_breaker:stripe:state")
                .noneMatch(k -> k.contains("mailgun"));
    }

    @Test
    void a_run_that_cannot_start_is_logged_and_said_on_the_line_never_dropped() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(ErrorPresenter.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            io.shutdown(); // the io pool refuses the work, as it does while the console shuts down
            BreakerActionsViewModel vm = new BreakerActionsViewModel(Runnable::run,
                    new BreakerActionRunner(commands, io));
            var confirmation = vm.ask(BreakerCommand.RESET, List.of(row(SOURCE, "calcom", BreakerState.OPEN, "9")))
                    .orElseThrow();

            String line = vm.run(confirmation).get(30, TimeUnit.SECONDS);

            assertThat(line).startsWith("Reset calcom: ").isEqualTo(vm.resultProperty().get());
            assertThat(seen.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).isEqualTo(line);
                assertThat(e.getThrowableProxy()).as("the details are in the log").isNotNull();
            });
            try (Jedis j = redis.direct()) {
                assertThat(j.get("circuit_breaker:calcom:state")).isEqualTo("open");
            }
        } finally {
            log.detachAppender(seen);
        }
    }

    @ParameterizedTest(name = "{0} on {1} breaker(s) → \"{2}\"")
    @CsvSource({
            "RESET,          1, Reset calcom",
            "RESET,          3, Reset 3 breakers",
            "TRIP,           1, Trip calcom",
            "CLEAR_FAILURES, 1, Clear failures of calcom",
            "CLEAR_FAILURES, 2, Clear failures of 2 breakers",
            "RESET_ALL,      1, Reset all 1 breakers",
            "RESET_ALL,      14, Reset all 14 breakers"})
    void the_confirmation_names_the_act_and_what_it_acts_on(BreakerCommand command, int rows, String title) {
        BreakerActionsViewModel vm = new BreakerActionsViewModel(Runnable::run, new BreakerActionRunner(commands, io));
        List<BreakerRow> chosen = IntStream.range(0, rows).mapToObj(i -> row(SOURCE, i == 0 ? "calcom" : "svc-" + i,
                BreakerState.OPEN, "1")).toList();
        assertThat(vm.ask(command, chosen).orElseThrow().title()).isEqualTo(title);
    }

    @Test
    void a_long_list_is_cut_after_twelve_breakers_and_the_rest_counted_and_nothing_chosen_asks_nothing() {
        BreakerActionsViewModel vm = new BreakerActionsViewModel(Runnable::run, new BreakerActionRunner(commands, io));
        List<BreakerRow> all = IntStream.range(0, 15).mapToObj(i -> row(SOURCE, "svc-" + i, BreakerState.OPEN, "1"))
                .toList();
        String preview = vm.ask(BreakerCommand.RESET_ALL, all).orElseThrow().preview();
        assertThat(preview.lines()).hasSize(13).first().isEqualTo("svc-0: open, failures 1  →  closed, failures deleted");
        assertThat(preview).endsWith("… and 3 more").doesNotContain("svc-12");
        assertThat(vm.ask(BreakerCommand.RESET, List.of())).isEmpty();
    }
}
