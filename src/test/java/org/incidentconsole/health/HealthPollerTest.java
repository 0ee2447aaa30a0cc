package org.incidentconsole.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.HealthCheckSpec;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthPollerTest {
    @TempDir
    Path dir;

    @Test
    void hosts_are_polled_in_parallel_and_a_hung_or_dead_host_delays_no_other() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (SshKit kit = new SshKit(dir);
             MinaSshServer good = MinaSshServer.start(TestKeys.publicKey(key));
             MinaSshServer hung = MinaSshServer.hanging(TestKeys.publicKey(key))) {
            kit.trust(good);
            kit.trust(hung);
            HealthCheck check = HealthChecks.of(new HealthCheckSpec("ready", "command",
                    Map.of("command", "echo ready", "expect_regex", "ready", "timeout_s", 2)), Map.of());
            Host goodHost = SshKit.host("good", good.port(), key);
            Host hungHost = SshKit.host("hung", hung.port(), key);
            Host deadHost = SshKit.host("dead", closedPort, key);
            CountDownLatch othersDone = new CountDownLatch(2);
            List<CheckResult> results = new CopyOnWriteArrayList<>();
            List<HealthTransition> transitions = new CopyOnWriteArrayList<>();
            try (HealthPoller poller = new HealthPoller(kit.connections(),
                    Map.of(goodHost, List.of(check), hungHost, List.of(check), deadHost, List.of(check)),
                    Clock.systemUTC())) {
                poller.onResult(r -> {
                    results.add(r);
                    if (!r.host().equals("hung")) {
                        othersDone.countDown();
                    }
                });
                poller.onTransition(transitions::add);

                var round = poller.pollOnce();

                assertThat(othersDone.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(results).filteredOn(r -> r.host().equals("hung")).as("still waiting on the hung host")
                        .isEmpty();
                List<CheckResult> all = round.get(60, TimeUnit.SECONDS);
                assertThat(all)
                        .extracting(CheckResult::host, CheckResult::status, CheckResult::value, CheckResult::reach)
                        .containsExactlyInAnyOrder(
                                tuple("good", HealthStatus.OK, "ready", Reachability.ANSWERED),
                                tuple("hung", HealthStatus.UNKNOWN, "TIMEOUT", Reachability.TIMEOUT),
                                tuple("dead", HealthStatus.UNKNOWN, "unreachable", Reachability.UNREACHABLE));
                assertThat(all).filteredOn(r -> r.host().equals("dead")).singleElement()
                        .satisfies(r -> assertThat(r.detail()).contains("connection refused"));
                assertThat(transitions).extracting(HealthTransition::host).containsExactlyInAnyOrder("good", "hung", "dead");
                assertThat(transitions).allSatisfy(t -> assertThat(t.from()).isNull());
                assertThat(poller.states()).hasSize(3);

                poller.pollOnce().get(60, TimeUnit.SECONDS);
                assertThat(transitions).as("no change, no new transition").hasSize(3);
            }
        }
    }

    @Test
    void a_poller_that_may_not_connect_reads_not_connected_and_leaves_the_host_alone() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (SshKit kit = new SshKit(dir); MinaSshServer server = MinaSshServer.start(TestKeys.publicKey(key))) {
            kit.trust(server);
            HealthCheck check = HealthChecks.of(new HealthCheckSpec("ready", "command",
                    Map.of("command", "echo ready", "expect_regex", "ready", "timeout_s", 2)), Map.of());
            Host host = SshKit.host("web-01", server.port(), key);
            SshConnections ssh = kit.connections();
            try (HealthPoller poller = new HealthPoller(ssh, Map.of(host, List.of(check)),
                    Clock.systemUTC(), ConnectPolicy.ONLY_CONNECTED)) {
                List<CheckResult> before = poller.pollOnce().get(60, TimeUnit.SECONDS);

                assertThat(before).singleElement().satisfies(r -> {
                    assertThat(r.reach()).isEqualTo(Reachability.NOT_CONNECTED);
                    assertThat(r.status()).isEqualTo(HealthStatus.UNKNOWN);
                    assertThat(r.value()).isEqualTo("not connected");
                });
                assertThat(ssh.connection(host).isConnected()).as("connecting is the operator's act").isFalse();

                ssh.connection(host).connect().get(60, TimeUnit.SECONDS);
                assertThat(poller.pollOnce().get(60, TimeUnit.SECONDS)).singleElement()
                        .satisfies(r -> assertThat(r.reach()).isEqualTo(Reachability.ANSWERED));
            }
        }
    }
}
