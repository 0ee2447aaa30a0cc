package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.HostRoute;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The settings table the window shows for a host: every row names its origin. One host whose inventory entry gives
 * the user only, read through both ssh_config readers, against the expected rows in
 * {@code ssh/path-settings.csv} (setting, value with {@code DIR} for the test directory, origin).
 */
class PathSettingsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("ssh -G", (Function<Path, SshConfig>) f -> new OpenSshConfig(OpenSshConfig.sshBinary(), f)),
                Arguments.of("MINA", (Function<Path, SshConfig>) MinaSshConfig::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void each_setting_shows_its_value_and_whether_the_inventory_ssh_config_or_a_default_set_it(String reader,
            Function<Path, SshConfig> read) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, """
                Host web-01
                  HostName 10.1.0.1
                  Port 2201
                  User ignored-the-inventory-says
                  IdentityFile %1$s/id_web
                  CertificateFile %1$s/id_web-ops-cert.pub
                  ProxyJump bastion-1
                  UserKnownHostsFile %1$s/known_hosts_web
                  ConnectTimeout 7
                Host bastion-1
                  HostName 10.0.0.1
                """.formatted(dir));
        SshConfig sshConfig = read.apply(config);
        Host host = new Host("web-01", "web-01", 22, "deploy", List.of(), true, List.of(), null, null, null,
                BreakerSettings.defaults(), List.of(), Map.of(), new HostRoute(null, null, true,
                Set.of(HostRoute.USER)));

        List<SettingLine> lines = PathSettings.of(new HostPaths(sshConfig, dir).resolve(host), SshSettings.defaults());

        String configOrigin = "ssh_config " + sshConfig.describe();
        List<String> expected = Files.readAllLines(Path.of(getClass().getResource("/ssh/path-settings.csv").toURI()))
                .stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.replace("DIR", dir.toString()).replace("SSH_CONFIG", configOrigin)
                        .replace("KEEPALIVE", SshSettings.defaults().keepAliveInterval().toSeconds() + " s"))
                .toList();
        assertThat(lines.stream().map(l -> l.name() + " | " + l.value() + " | " + l.origin().label())
                .collect(Collectors.toList())).containsExactlyElementsOf(expected);
    }
}
