package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.StepOutcome;
import org.incidentconsole.incident.StepRunner;
import org.incidentconsole.incident.UnknownRun;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.runbook.RunbookParser;
import org.incidentconsole.runbook.Step;
import org.incidentconsole.ssh.OutputListener;
import org.incidentconsole.testing.KilledChild;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Run locks wired into running a step: two consoles (own journals, SSH connections and coordination pools) on one
 * shared incident, a real redis-server and a real SSH host whose step appends to a file (one line per run) and then
 * waits until the test lets it finish.
 */
class RunLockedStepTest {
    static final String RUNBOOK = """
            # Drill
            ## Warm the cache (1 minute)
            ```bash
            echo warm >> "$RUNS"
            echo started
            while [ ! -e "$GO" ]; do sleep 0.02; done
            ```
            ## Rotate the logs (1 minute)
            ```bash
            echo rotate >> "$RUNS"
            echo started
            while [ ! -e "$GO" ]; do sleep 0.02; done
            ```
            """;

    @TempDir
    Path dir;
    TestRedis redis;
    MinaSshServer server;
    ScheduledExecutorService renewer;
    ExecutorService pool;
    Path runs;
    Path go;
    Host web1;
    Host web2;
    List<Step> steps;
    String incident;
    CoordinationEndpoint endpoint;

    @BeforeEach
    void setUp() throws Exception {
        redis = TestRedis.start();
        Path key = TestKeys.generate(dir, "id_ed25519");
        runs = dir.resolve("runs");
        go = dir.resolve("go");
        server = MinaSshServer.withEnv(Map.of("RUNS", runs.toString(), "GO", go.toString()),
                TestKeys.publicKey(key));
        web1 = SshKit.host("web-01", server.port(), key);
        web2 = SshKit.host("web-02", server.port(), key);
        steps = new RunbookParser().parse("drill.md", RUNBOOK).steps();
        renewer = Executors.newScheduledThreadPool(2);
        pool = Executors.newFixedThreadPool(2);
        incident = "INC-" + UUID.randomUUID();
        endpoint = CoordinationEndpoint.plain("127.0.0.1", redis.port());
    }

    @AfterEach
    void tearDown() throws Exception {
        pool.shutdownNow();
        renewer.shutdownNow();
        server.close();
        redis.close();
    }

    private StepConsole console(String id, String operator, CoordinationEndpoint at) throws Exception {
        return new StepConsole(dir.resolve(id), id, operator, at, incident, renewer, server);
    }

    private long runsSoFar() throws Exception {
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    @Test
    void the_same_step_started_on_the_same_host_by_two_consoles_at_once_runs_exactly_once_each_round()
            throws Exception {
        Step step = steps.get(0);
        try (StepConsole jana = console("console-a", "jana", endpoint);
             StepConsole ola = console("console-b", "ola", endpoint)) {
            long started = System.nanoTime();
            int janaRan = 0;
            for (int round = 0; round < 200; round++) {
                Files.deleteIfExists(go);
                CountDownLatch together = new CountDownLatch(1);
                Future<StepRunner.StepRun> a = pool.submit(() -> {
                    together.await();
                    return jana.run(step, web1, OutputListener.IGNORE);
                });
                Future<StepRunner.StepRun> b = pool.submit(() -> {
                    together.await();
                    return ola.run(step, web1, OutputListener.IGNORE);
                });
                together.countDown();
                StepRunner.StepRun ra = a.get(60, TimeUnit.SECONDS);
                StepRunner.StepRun rb = b.get(60, TimeUnit.SECONDS);
                try {
                    CompletableFuture.anyOf(ra.outcomes(), rb.outcomes()).get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("round " + round + ": neither console was refused: both run", e);
                }
                Files.createFile(go);
                StepRunner.HostOutcome oa = ra.outcomes().get(60, TimeUnit.SECONDS).get("web-01");
                StepRunner.HostOutcome ob = rb.outcomes().get(60, TimeUnit.SECONDS).get("web-01");

                assertThat(List.of(oa.outcome(), ob.outcome())).as("round %d", round)
                        .containsExactlyInAnyOrder(StepOutcome.OK, StepOutcome.NOT_RUN);
                StepRunner.HostOutcome refused = oa.notRun() ? oa : ob;
                String winner = oa.notRun() ? "ola" : "jana";
                janaRan += oa.notRun() ? 0 : 1;
                assertThat(refused.reason()).as("round %d", round)
                        .matches("not run: " + winner + " is running " + Pattern.quote(step.pathText())
                                + " on web-01 \\(since \\d\\d:\\d\\d:\\d\\d\\); its output is in the shared timeline");
                assertThat(runsSoFar()).as("runs after round %d", round).isEqualTo(round + 1);
            }
            System.out.printf("200 lock races in %d ms; jana won %d, ola %d%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), janaRan, 200 - janaRan);
            List<IncidentEvent.RunLockTaken> taken = new ArrayList<>(jana.journaled(
                    IncidentEvent.RunLockTaken.class));
            taken.addAll(ola.journaled(IncidentEvent.RunLockTaken.class));
            assertThat(taken).hasSize(200);
            assertThat(taken.stream().mapToLong(IncidentEvent.RunLockTaken::fence).distinct().count())
                    .as("every run its own fence").isEqualTo(200);
            assertThat(jana.journaled(IncidentEvent.RunLockLost.class)).isEmpty();
            assertThat(ola.journaled(IncidentEvent.RunLockLost.class)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} on {1} and {2} on {3}")
    @CsvSource({"0, web-01, 0, web-02", "0, web-01, 1, web-01"})
    void different_hosts_or_different_steps_run_at_the_same_time(int stepA, String hostA, int stepB, String hostB)
            throws Exception {
        try (StepConsole jana = console("console-a", "jana", endpoint);
             StepConsole ola = console("console-b", "ola", endpoint)) {
            CountDownLatch bothStarted = new CountDownLatch(2);
            OutputListener started = (h, s, line) -> {
                if (line.contains("started")) {
                    bothStarted.countDown();
                }
            };
            StepRunner.StepRun a = jana.run(steps.get(stepA), host(hostA), started);
            StepRunner.StepRun b = ola.run(steps.get(stepB), host(hostB), started);

            assertThat(bothStarted.await(60, TimeUnit.SECONDS)).as("both run while the other still runs").isTrue();
            Files.createFile(go);
            assertThat(a.outcomes().get(60, TimeUnit.SECONDS).get(hostA).outcome()).isEqualTo(StepOutcome.OK);
            assertThat(b.outcomes().get(60, TimeUnit.SECONDS).get(hostB).outcome()).isEqualTo(StepOutcome.OK);
            assertThat(runsSoFar()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PARALLEL, OK", "ROLLING, NOT_RUN"})
    void a_host_another_console_runs_is_skipped_while_the_others_go_as_the_mode_says(StepRunner.Mode mode,
                                                                                  StepOutcome second) throws Exception {
        Step step = steps.get(0);
        try (StepConsole jana = console("console-a", "jana", endpoint);
             StepConsole ola = console("console-b", "ola", endpoint)) {
            CountDownLatch janaRuns = new CountDownLatch(1);
            StepRunner.StepRun held = jana.run(step, web1, (h, s, line) -> janaRuns.countDown());
            assertThat(janaRuns.await(60, TimeUnit.SECONDS)).isTrue();
            CountDownLatch refused = new CountDownLatch(1);
            ola.session.addRecordListener(r -> {
                if (r.data() instanceof IncidentEvent.StepSkipped skipped && skipped.host().equals("web-01")) {
                    refused.countDown();
                }
            });
            StepRunner.StepRun both = ola.run(step, List.of(web1, web2), mode, OutputListener.IGNORE);
            assertThat(refused.await(60, TimeUnit.SECONDS)).as("web-01 refused while jana runs it").isTrue();
            Files.createFile(go);

            Map<String, StepRunner.HostOutcome> outcomes = both.outcomes().get(60, TimeUnit.SECONDS);
            assertThat(outcomes.get("web-01").outcome()).isEqualTo(StepOutcome.NOT_RUN);
            assertThat(outcomes.get("web-01").reason()).startsWith("not run: jana is running ");
            assertThat(outcomes.get("web-02").outcome()).as("web-02, " + mode).isEqualTo(second);
            assertThat(held.outcomes().get(60, TimeUnit.SECONDS).get("web-01").outcome()).isEqualTo(StepOutcome.OK);
            assertThat(ola.journaled(IncidentEvent.RunLockTaken.class)).extracting(IncidentEvent.RunLockTaken::host)
                    .containsExactlyElementsOf(second == StepOutcome.OK ? List.of("web-02") : List.of());
            assertThat(runsSoFar()).isEqualTo(second == StepOutcome.OK ? 2 : 1);
        }
    }

    private Host host(String name) {
        return name.equals("web-01") ? web1 : web2;
    }

    @Test
    void a_lock_deleted_behind_the_running_step_is_journaled_as_lost_when_the_step_ends() throws Exception {
        Step step = steps.get(0);
        try (StepConsole jana = console("console-a", "jana", endpoint)) {
            CountDownLatch running = new CountDownLatch(1);
            StepRunner.StepRun run = jana.run(step, web1, (h, s, line) -> running.countDown());
            assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
            try (var direct = redis.direct()) {
                assertThat(direct.del(new CoordinationKeys(endpoint.keyPrefix(), incident)
                        .lock(step.pathText(), "web-01"))).isEqualTo(1);
            }
            Files.createFile(go);

            assertThat(run.outcomes().get(60, TimeUnit.SECONDS).get("web-01").outcome()).isEqualTo(StepOutcome.OK);
            List<IncidentEvent> journal = jana.journal();
            IncidentEvent.RunLockTaken taken = jana.journaled(IncidentEvent.RunLockTaken.class).get(0);
            assertThat(journal.indexOf(taken)).as("taken before the step started")
                    .isLessThan(journal.indexOf(jana.journaled(IncidentEvent.StepStarted.class).get(0)));
            assertThat(jana.journaled(IncidentEvent.RunLockLost.class)).singleElement().satisfies(lost -> {
                assertThat(lost.step()).isEqualTo(step.pathText());
                assertThat(lost.host()).isEqualTo("web-01");
                assertThat(lost.fence()).isEqualTo(taken.fence()).isPositive();
                assertThat(lost.reason()).startsWith("expired before the run ended");
            });
        }
    }

    @Test
    void with_the_coordination_redis_unreachable_the_step_is_refused_saying_so_and_nothing_runs() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        try (StepConsole jana = console("console-a", "jana", CoordinationEndpoint.plain("127.0.0.1", dead))) {
            StepRunner.HostOutcome o = jana.runAndWait(steps.get(0), web1);

            assertThat(o.outcome()).isEqualTo(StepOutcome.NOT_RUN);
            assertThat(o.reason()).startsWith("not run: the coordination Redis is unreachable (127.0.0.1:" + dead
                    + "/0 not reachable").endsWith("), so nobody can tell whether another console runs this step here");
            assertThat(jana.journaled(IncidentEvent.StepSkipped.class)).singleElement()
                    .satisfies(s -> assertThat(s.reason()).isEqualTo(o.reason()));
            assertThat(jana.journaled(IncidentEvent.StepStarted.class)).isEmpty();
            assertThat(jana.journaled(IncidentEvent.RunLockTaken.class)).isEmpty();
            assertThat(runsSoFar()).isZero();
        }
    }

    @Test
    void a_run_whose_console_was_killed_is_unknown_until_acknowledged_then_the_step_runs_again() throws Exception {
        Step step = steps.get(0);
        try (KeyEvents events = KeyEvents.watch(redis);
             StepConsole ola = console("console-b", "ola", endpoint)) {
            KilledChild.killMidStep(LockHoldingConsole.class, String.valueOf(redis.port()), incident,
                    step.pathText(), "web-01", "jana", "1000");
            events.await(new CoordinationKeys(endpoint.keyPrefix(), incident).lock(step.pathText(), "web-01"),
                    "expired", 1);

            StepRunner.HostOutcome refused = ola.runAndWait(step, web1);
            assertThat(refused.outcome()).isEqualTo(StepOutcome.NOT_RUN);
            assertThat(refused.reason()).matches("not run: the outcome of " + Pattern.quote(step.pathText()) + " on web-01 is"
                    + " UNKNOWN: jana's console vanished while running it \\(lock expired \\d\\d:\\d\\d:\\d\\d\\);"
                    + " look at the host, then acknowledge it");
            assertThat(runsSoFar()).isZero();
            List<UnknownRun> unknown = ola.runner.unknownRuns(ola.session);
            assertThat(unknown).singleElement().satisfies(u -> {
                assertThat(u.operator()).isEqualTo("jana");
                assertThat(u.console()).isEqualTo("child-console");
                assertThat(u.host()).isEqualTo("web-01");
            });
            assertThat(ola.journaled(IncidentEvent.RunOutcomeUnknown.class)).as("journaled once, seen twice")
                    .singleElement().satisfies(e -> {
                        assertThat(e.operator()).isEqualTo("jana");
                        assertThat(e.expiredAt()).isNotNull();
                    });

            assertThat(ola.runner.acknowledge(ola.session, unknown.get(0), "deploy at abc123, workers up",
                    "ola")).isTrue();
            assertThat(ola.journaled(IncidentEvent.UnknownRunAcknowledged.class)).singleElement()
                    .satisfies(a -> {
                        assertThat(a.finding()).isEqualTo("deploy at abc123, workers up");
                        assertThat(a.by()).isEqualTo("ola");
                        assertThat(a.console()).isEqualTo("child-console");
                    });
            assertThat(ola.runner.unknownRuns(ola.session)).isEmpty();
            assertThat(ola.runner.acknowledge(ola.session, unknown.get(0), "again", "ola")).as("only once")
                    .isFalse();

            Files.createFile(go);
            assertThat(ola.runAndWait(step, web1).outcome()).isEqualTo(StepOutcome.OK);
            assertThat(runsSoFar()).isEqualTo(1);
        }
    }

    @Test
    void an_unshared_runner_takes_no_lock_and_journals_no_lock_events() throws Exception {
        try (StepConsole jana = console("console-a", "jana", endpoint)) {
            jana.unshare();
            Files.createFile(go);
            assertThat(jana.runAndWait(steps.get(0), web1).outcome()).isEqualTo(StepOutcome.OK);
            assertThat(jana.journal()).noneMatch(e -> e instanceof IncidentEvent.RunLockTaken
                    || e instanceof IncidentEvent.RunLockLost || e instanceof IncidentEvent.RunOutcomeUnknown);
            try (var direct = redis.direct()) {
                assertThat(direct.keys("*")).as("nothing written to the coordination Redis").isEmpty();
            }
        }
    }
}
