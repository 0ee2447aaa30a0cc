package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.HostRoute;
import org.incidentconsole.ssh.SettingOrigin.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One ssh_config file (aliases, several patterns on a Host line, Include with a glob, Match host, first match
 * wins) read by both readers: OpenSSH's ssh -G and the MINA fallback must give every host the same path.
 */
class HostPathsTest {
    @TempDir
    Path dir;
    Path config;

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("ssh -G", (Function<Path, SshConfig>) f -> new OpenSshConfig(OpenSshConfig.sshBinary(), f)),
                Arguments.of("MINA", (Function<Path, SshConfig>) MinaSshConfig::new));
    }

    @BeforeEach
    void writeConfig() throws Exception {
        Path confD = Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(confD.resolve("10-web.conf"), """
                Host web-*
                  User deploy
                  ProxyJump bastion-1
                """);
        config = dir.resolve("config");
        Files.writeString(config, """
                Include %s/*.conf
                Match host db-01
                  ProxyJump ops@bastion-1:2200,bastion-2
                  ConnectTimeout 4
                Host bastion-1 jump-a
                  HostName 10.0.0.1
                  Port 2222
                  IdentityFile ~/.ssh/bastion_key
                Host bastion-2
                  HostName 10.0.0.2
                  UserKnownHostsFile %s/known_hosts_dmz
                Host web-01
                  HostName 10.1.0.1
                  User root
                Host db-01
                  HostName 10.2.0.1
                Host tele-*
                  ProxyCommand tsh proxy ssh --cluster=prod %%r@%%h:%%p
                  IdentityAgent none
                Host *
                  ServerAliveInterval 9
                """.formatted(confD, dir));
    }

    private static Host alias(String name, Set<String> given, String user) {
        return new Host(name, name, 22, user, List.of(), true, List.of(), null, null, null,
                BreakerSettings.defaults(), List.of(), Map.of(), new HostRoute(null, null, true, given));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void an_alias_takes_hostname_from_its_block_and_user_and_jump_from_the_include_that_matched_first(
            String reader, Function<Path, SshConfig> read) throws Exception {
        HostPath web = new HostPaths(read.apply(config), dir).resolve(alias("web-01", Set.of(), "local"));

        assertThat(web.target().address()).isEqualTo("10.1.0.1");
        assertThat(web.target().user()).as("the Include's web-* came first").isEqualTo("deploy");
        assertThat(web.target().keepAlive()).isEqualTo(Duration.ofSeconds(9));
        assertThat(web.jumps()).extracting(Hop::name, Hop::address, Hop::port, Hop::user)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bastion-1", "10.0.0.1", 2222, "deploy"));
        assertThat(web.jumps().get(0).identityFiles()).containsExactly(dir.resolve(".ssh/bastion_key"));
        assertThat(web.origins().get("address").source()).isEqualTo(Source.SSH_CONFIG);
        assertThat(web.origins().get("user").source()).isEqualTo(Source.SSH_CONFIG);
        assertThat(web.origins().get("port").source()).isEqualTo(Source.DEFAULT);
        assertThat(web.describe()).isEqualTo("web-01 via bastion-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void match_host_gives_a_two_hop_path_whose_hops_keep_their_own_settings(String reader,
                                                                          Function<Path, SshConfig> read)
            throws Exception {
        HostPath db = new HostPaths(read.apply(config), dir).resolve(alias("db-01", Set.of(), "local"));

        assertThat(db.target().address()).isEqualTo("10.2.0.1");
        assertThat(db.target().connectTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(db.jumps()).extracting(Hop::endpoint)
                .containsExactly("ops@10.0.0.1:2200", "local@10.0.0.2:22");
        assertThat(db.origins().get(HostRoute.JUMP).source()).isEqualTo(Source.SSH_CONFIG);
        assertThat(db.jumps().get(1).knownHosts()).isEqualTo(dir.resolve("known_hosts_dmz"));
        assertThat(db.describe()).isEqualTo("db-01 via bastion-1 → bastion-2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void the_inventory_overrides_ssh_config_and_says_so(String reader, Function<Path, SshConfig> read)
            throws Exception {
        HostPath web = new HostPaths(read.apply(config), dir)
                .resolve(alias("web-01", Set.of(HostRoute.USER, HostRoute.AGENT), "ops"));

        assertThat(web.target().user()).isEqualTo("ops");
        assertThat(web.origins().get("user")).isEqualTo(SettingOrigin.inventory());
        assertThat(web.origins().get("address").source()).isEqualTo(Source.SSH_CONFIG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void a_proxy_command_is_carried_unexpanded_and_identity_agent_none_turns_the_agent_off(
            String reader, Function<Path, SshConfig> read) throws Exception {
        HostPath tele = new HostPaths(read.apply(config), dir).resolve(alias("tele-01", Set.of(), "local"));

        assertThat(tele.proxyCommand()).isEqualTo("tsh proxy ssh --cluster=prod %r@%h:%p");
        assertThat(tele.jumps()).isEmpty();
        assertThat(tele.target().agent()).isFalse();
        assertThat(ProxyCommandSocket.expand(tele.proxyCommand(), "tele-01", 22, "local"))
                .isEqualTo("tsh proxy ssh --cluster=prod local@tele-01:22");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void a_jump_path_that_loops_is_refused_in_one_sentence(String reader, Function<Path, SshConfig> read)
            throws Exception {
        Files.writeString(config, "Host loop-a\n  ProxyJump loop-b\nHost loop-b\n  ProxyJump loop-a\n");
        HostPaths paths = new HostPaths(read.apply(config), dir);

        Host looping = new Host("loop-a", "loop-a", 22, "local", List.of(), true, List.of(), null, null, null,
                BreakerSettings.defaults(), List.of(), Map.of(), new HostRoute(null, null, true, Set.of()));
        assertThatThrownBy(() -> paths.resolve(looping)).isInstanceOf(SshException.class)
                .hasMessageContaining("longer than " + HostPaths.MAX_HOPS + " hops or loops");
    }
}
