package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryJumpTest {
    @TempDir
    Path dir;

    private Inventory load(String yaml) throws Exception {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, yaml);
        return new InventoryLoader(Path.of("/home/operator")).load(file);
    }

    /** Where jump is written (defaults, group, host) and what the host ends with; '|' separates hops. */
    @ParameterizedTest(name = "defaults={0} group={1} host={2} -> {3}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "bastion-1;    -;                    -;                   bastion-1",
            "bastion-1;    ops@bastion-2:2222;   -;                   ops@bastion-2:2222",
            "bastion-1;    -;                    '[a, b:22]';         a|b:22",
            "bastion-1;    -;                    '\"a,ops@b\"';       a|ops@b",
            "bastion-1;    -;                    none;                ''",
            "bastion-1;    -;                    '[]';                ''",
            "-;            -;                    '\"[::1]:2200\"';    '[::1]:2200'",
    })
    void the_most_specific_jump_wins_and_none_means_direct(String defaults, String group, String host,
                                                            String expected) throws Exception {
        Inventory inv = load("environment: production\n"
                + (defaults == null ? "" : "defaults:\n  jump: " + defaults + "\n")
                + "groups:\n  web:\n" + (group == null ? "" : "    jump: " + group + "\n")
                + "    hosts:\n      - name: web-01\n        address: 10.0.0.1\n        user: deploy\n"
                + (host == null ? "" : "        jump: " + host + "\n"));
        Host web = inv.hosts().get(0);
        List<String> hops = expected.isEmpty() ? List.of() : Arrays.asList(expected.split("\\|"));
        assertThat(web.route().jump()).containsExactlyElementsOf(hops);
        assertThat(web.route().gives(HostRoute.JUMP)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "'\"bastion;rm -rf /\"'; holds ';'",
            "'\"ops@bastion:99999\"'; port must be 1-65535",
            "'\"@bastion\"';         user is empty",
            "'[1]';                  expected a hop",
    })
    void a_bad_hop_is_refused_at_its_line(String jump, String says) throws Exception {
        assertThatThrownBy(() -> load("environment: production\nhosts:\n  - name: web-01\n    address: 10.0.0.1\n"
                + "    user: deploy\n    jump: " + jump + "\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("inventory.yaml:6")
                .hasMessageContaining(says);
    }

    @Test
    void a_proxy_command_is_kept_as_written_and_cannot_sit_beside_a_jump() throws Exception {
        Host host = load("""
                environment: production
                hosts:
                  - name: web-01
                    address: i-0abc
                    proxy_command: aws ssm start-session --target %h --document-name AWS-StartSSHSession
                """).hosts().get(0);
        assertThat(host.route().proxyCommand()).startsWith("aws ssm start-session --target %h");
        assertThat(host.route().jump()).isNull();
        assertThatThrownBy(() -> load("""
                environment: production
                hosts:
                  - name: web-01
                    address: i-0abc
                    jump: bastion
                    proxy_command: nc %h %p
                """)).isInstanceOf(InventoryException.class).hasMessageContaining("either 'jump' or 'proxy_command'");
    }

    @Test
    void ssh_config_can_be_turned_off_per_host_and_given_fields_are_recorded() throws Exception {
        Host host = load("""
                environment: production
                defaults: {ssh_config: false, port: 2222}
                hosts:
                  - {name: web-01, address: 10.0.0.1, user: deploy}
                """).hosts().get(0);
        assertThat(host.route().sshConfig()).isFalse();
        assertThat(host.route().given()).containsExactlyInAnyOrder(HostRoute.USER, HostRoute.PORT);
    }
}
