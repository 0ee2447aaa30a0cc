package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.HostRoute;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real OpenSSH on loopback: two bastions and a target, each its own sshd. The bastions log at DEBUG, where sshd
 * writes every direct-tcpip channel it opens ("server_request_direct_tcpip: ... target 127.0.0.1 port N"): that
 * line is the proof that the console came through the bastion and not straight to the target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JumpHostOpenSshTest {
    Path dir;
    SshKit kit;
    Path key;
    OpenSshServer bastion1;
    OpenSshServer bastion2;
    OpenSshServer target;
    Path sshConfig;
    final List<SshConnections> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        bastion1 = OpenSshServer.start(Files.createDirectories(dir.resolve("b1")), TestKeys.publicKey(key),
                List.of("ed25519"), "DEBUG");
        bastion2 = OpenSshServer.start(Files.createDirectories(dir.resolve("b2")), TestKeys.publicKey(key),
                List.of("ed25519"), "DEBUG");
        target = OpenSshServer.start(Files.createDirectories(dir.resolve("t")), TestKeys.publicKey(key));
        Path confD = Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(confD.resolve("10-web.conf"), "Host web-*\n  ProxyJump bastion-1\n");
        sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, String.join("\n",
                "Include " + confD + "/*.conf",
                "Host bastion-1 b1",
                "  HostName 127.0.0.1",
                "  Port " + bastion1.port(),
                "Host bastion-2",
                "  HostName 127.0.0.1",
                "  Port " + bastion2.port(),
                "Match host db-two",
                "  ProxyJump bastion-1,bastion-2",
                "Host web-01 db-two",
                "  HostName 127.0.0.1",
                "  Port " + target.port(),
                "Host *",
                "  IdentityFile " + key,
                ""));
    }

    @AfterAll
    void stop() throws Exception {
        opened.forEach(SshConnections::close);
        kit.close();
        for (OpenSshServer s : new OpenSshServer[] {bastion1, bastion2, target}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private SshConnections connections(HostKeyStore keys) {
        SshConnections c = new SshConnections(SshKit.FAST, keys, new SshAuth(null, dir.resolve("no-ssh-dir"),
                PassphrasePrompt.NONE), kit.prompt(), kit.io, kit.scheduler,
                new HostPaths(SshConfig.of(sshConfig), dir));
        opened.add(c);
        return c;
    }

    /** A host known to the inventory only by its alias: everything else comes from the ssh_config file. */
    private static Host alias(String name, String address, List<String> jump) {
        return new Host(name, address, 22, System.getProperty("user.name"), List.of(), false, List.of(), null, null,
                null, BreakerSettings.defaults(), List.of(), Map.of(),
                new HostRoute(jump, null, true, jump == null ? Set.of() : Set.of(HostRoute.JUMP)));
    }

    private static Pattern directTcpipTo(int port) {
        return Pattern.compile("server_request_direct_tcpip: originator \\S+ port \\d+, "
                + "target 127\\.0\\.0\\.1 port " + port + "\\b");
    }

    private List<String> run(SshConnection c, String command) throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        ExecResult r = c.run(command, Duration.ofSeconds(30), (h, stream, line) -> {
            if (stream == StreamKind.STDOUT) {
                out.add(line);
            }
        })
                .result().get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).as(String.join("\n", out)).isEqualTo(ExecOutcome.OK);
        return out;
    }

    @Test
    void an_ssh_config_alias_reaches_the_target_only_through_its_bastion_and_each_hop_asks_about_its_own_key()
            throws Exception {
        kit.asked.clear();
        int from = bastion1.log().length();
        SshConnection web = connections(new HostKeyStore(null, dir.resolve("first_app_known_hosts")))
                .connection(alias("web-01", "web-01", null));
        web.connect().get(30, TimeUnit.SECONDS);

        assertThat(run(web, "echo reached")).containsExactly("reached");
        assertThat(bastion1.awaitLog(from, directTcpipTo(target.port()), Duration.ofSeconds(10)))
                .containsPattern(directTcpipTo(target.port()));
        assertThat(target.log()).contains("Accepted publickey");
        assertThat(web.status().reason()).contains("via bastion-1");
        assertThat(web.path().describe()).isEqualTo("web-01 via bastion-1");
        assertThat(web.path().origins().get("address").source()).isEqualTo(SettingOrigin.Source.SSH_CONFIG);
        assertThat(web.path().origins().get(HostRoute.JUMP).source()).isEqualTo(SettingOrigin.Source.SSH_CONFIG);
        assertThat(kit.asked).extracting(UnknownHostKey::hostName).contains("bastion-1", "web-01");
        assertThat(kit.asked).filteredOn(k -> k.hostName().equals("bastion-1")).singleElement()
                .satisfies(k -> assertThat(k.port()).isEqualTo(bastion1.port()));
    }

    @Test
    void two_hops_chain_through_both_bastions_and_one_transport_per_bastion_serves_every_host() throws Exception {
        SshConnections all = connections(kit.keys(null));
        SshConnection web2 = all.connection(alias("db-two", "db-two", null));
        SshConnection web1 = all.connection(alias("web-01", "web-01", List.of("bastion-1", "bastion-2")));
        int from1 = bastion1.log().length();
        int from2 = bastion2.log().length();
        web2.connect().get(30, TimeUnit.SECONDS);
        web1.connect().get(30, TimeUnit.SECONDS);

        assertThat(run(web2, "echo two")).containsExactly("two");
        assertThat(run(web1, "echo one")).containsExactly("one");
        assertThat(web2.path().describe()).isEqualTo("db-two via bastion-1 → bastion-2");
        String newOnBastion1 = bastion1.awaitLog(from1, directTcpipTo(bastion2.port()), Duration.ofSeconds(10));
        assertThat(newOnBastion1).containsPattern(directTcpipTo(bastion2.port()));
        assertThat(newOnBastion1.split("Accepted publickey", -1)).as("one login on bastion-1 for both hosts")
                .hasSize(2);
        assertThat(bastion2.awaitLog(from2, directTcpipTo(target.port()), Duration.ofSeconds(10)))
                .containsPattern(directTcpipTo(target.port()));
    }

    @Test
    void a_changed_target_key_behind_a_bastion_is_refused_with_both_fingerprints() throws Exception {
        Path otherKey = TestKeys.generate(dir, "impostor", "ed25519", "", "OPENSSH");
        String impostor = Files.readString(TestKeys.publicKey(otherKey)).trim();
        String bastionKey = Files.readString(bastion1.hostPublicKey()).trim();
        Path knownHosts = dir.resolve("changed_known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + bastion1.port() + " " + bastionKey + "\n"
                + "[127.0.0.1]:" + target.port() + " " + impostor + "\n");
        HostKeyStore keys = new HostKeyStore(knownHosts, dir.resolve("changed_app_known_hosts"));
        SshConnection web = connections(keys).connection(alias("web-01", "web-01", null));

        assertThatThrownBy(() -> web.connect().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(HostKeyMismatchException.class)
                .hasMessageContaining(TestKeys.run(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-l", "-E",
                        "sha256", "-f", TestKeys.publicKey(otherKey).toString())).split("\\s+")[1])
                .hasMessageContaining(target.fingerprintBySshKeygen())
                .hasMessageContaining("web-01");
    }

    @Test
    void a_bastion_key_the_operator_refuses_fails_the_host_and_names_the_hop() throws Exception {
        HostKeyStore keys = new HostKeyStore(null, dir.resolve("refused_app_known_hosts"));
        kit.trustUnknown = false;
        try {
            SshConnection web = connections(keys).connection(alias("web-01", "web-01", null));
            assertThatThrownBy(() -> web.connect().get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(SshException.class)
                    .hasMessageStartingWith("jump host bastion-1 (hop 1) failed: host key")
                    .hasMessageContaining("was not trusted");
            assertThat(web.status().state()).isEqualTo(ConnectionState.FAILED);
        } finally {
            kit.trustUnknown = true;
        }
    }

    @Test
    void a_proxy_command_carries_ssh_over_its_stdin_and_stdout_and_dies_with_the_connection() throws Exception {
        Path clientConfig = dir.resolve("client_config");
        Path clientKnownHosts = dir.resolve("client_known_hosts");
        Files.writeString(clientKnownHosts, "[127.0.0.1]:" + bastion1.port() + " "
                + Files.readString(bastion1.hostPublicKey()).trim() + "\n");
        Files.writeString(clientConfig, String.join("\n", "Host bastion-1", "  HostName 127.0.0.1",
                "  Port " + bastion1.port(), "  IdentityFile " + key, "  UserKnownHostsFile " + clientKnownHosts,
                "  StrictHostKeyChecking yes", "  BatchMode yes", ""));
        String command = TestKeys.tool("ssh", "openssh-client") + " -F " + clientConfig + " -W %h:%p bastion-1";
        Host host = new Host("web-proxied", "127.0.0.1", target.port(), System.getProperty("user.name"),
                List.of(key), false, List.of(), null, null, null, BreakerSettings.defaults(), List.of(), Map.of(),
                new HostRoute(null, command, false, Set.of(HostRoute.PROXY_COMMAND, HostRoute.PORT)));
        SshConnections all = connections(kit.keys(null));
        SshConnection web = all.connection(host);
        int from = bastion1.log().length();
        web.connect().get(30, TimeUnit.SECONDS);

        assertThat(run(web, "echo proxied")).containsExactly("proxied");
        assertThat(bastion1.awaitLog(from, directTcpipTo(target.port()), Duration.ofSeconds(10)))
                .containsPattern(directTcpipTo(target.port()));
        assertThat(web.path().describe()).isEqualTo("web-proxied via proxy command");
        assertThat(proxyProcesses(clientConfig)).hasSize(1);
        web.close();
        assertThat(awaitNone(clientConfig)).as("proxy command processes left after close").isEmpty();
    }

    private static List<ProcessHandle> proxyProcesses(Path clientConfig) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(clientConfig.toString())).toList();
    }

    /** Waits on the processes themselves (onExit), bounded, rather than sleeping. */
    private static List<ProcessHandle> awaitNone(Path clientConfig) throws Exception {
        for (ProcessHandle p : proxyProcesses(clientConfig)) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // reported by the assertion
            }
        }
        return proxyProcesses(clientConfig);
    }

    @Test
    void connect_time_direct_against_one_and_two_hops_is_measured() throws Exception {
        String user = System.getProperty("user.name");
        String b1 = user + "@127.0.0.1:" + bastion1.port();
        String b2 = user + "@127.0.0.1:" + bastion2.port();
        Map<String, Host> viaConfig = new LinkedHashMap<>();
        viaConfig.put("direct", direct(List.of()));
        viaConfig.put("one hop", alias("web-01", "web-01", null));
        viaConfig.put("two hops", alias("db-two", "db-two", null));
        Map<String, Host> viaInventory = new LinkedHashMap<>();
        viaInventory.put("direct", direct(List.of()));
        viaInventory.put("one hop", direct(List.of(b1)));
        viaInventory.put("two hops", direct(List.of(b1, b2)));
        connections(kit.keys(null)).connection(viaConfig.get("two hops")).connect().get(30, TimeUnit.SECONDS);
        connections(kit.keys(null)).connection(viaConfig.get("direct")).connect().get(30, TimeUnit.SECONDS);
        System.out.println("connect time, fresh transports each run, loopback OpenSSH, median of 10 (3 warm-up):"
                + "\n  ssh_config aliases (ssh -G each time): " + medians(viaConfig, SshConfig.of(sshConfig))
                + "\n  inventory hops, no ssh_config:        " + medians(viaInventory, SshConfig.NONE));
    }

    private Host direct(List<String> jump) {
        return new Host("direct", "127.0.0.1", target.port(), System.getProperty("user.name"), List.of(key), false,
                List.of(), null, null, null, BreakerSettings.defaults(), List.of(), Map.of(),
                new HostRoute(jump, null, false, Set.of(HostRoute.PORT, HostRoute.USER, HostRoute.JUMP)));
    }

    private String medians(Map<String, Host> paths, SshConfig config) throws Exception {
        int runs = 10;
        StringBuilder report = new StringBuilder();
        for (var path : paths.entrySet()) {
            List<Long> ms = new ArrayList<>();
            for (int i = -3; i < runs; i++) {
                try (SshConnections fresh = new SshConnections(SshKit.FAST, kit.keys(null), new SshAuth(null,
                        dir.resolve("no-ssh-dir"), PassphrasePrompt.NONE), kit.prompt(), kit.io, kit.scheduler,
                        new HostPaths(config, dir))) {
                    long t0 = System.nanoTime();
                    fresh.connection(path.getValue()).connect().get(30, TimeUnit.SECONDS);
                    if (i >= 0) {
                        ms.add((System.nanoTime() - t0) / 1_000_000);
                    }
                }
            }
            ms.sort(null);
            assertThat(ms).hasSize(runs);
            report.append(String.format("%s %d ms; ", path.getKey(), ms.get(runs / 2)));
        }
        return report.toString();
    }
}
