package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tty: true} (sudoers with requiretty) on defaults, a group or a host; the most specific wins. */
class InventoryTtyTest {
    @TempDir
    Path dir;

    private Inventory load(String yaml) throws Exception {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, yaml);
        return new InventoryLoader(dir).load(file);
    }

    @Test
    void tty_is_inherited_from_defaults_and_groups_and_a_host_may_turn_it_off() throws Exception {
        Inventory inv = load("""
                environment: staging
                defaults: {user: deploy, tty: true}
                groups:
                  legacy:
                    hosts:
                      - {name: old-01, address: 10.0.0.1}
                      - {name: old-02, address: 10.0.0.2, tty: false}
                  web:
                    tty: false
                    hosts:
                      - {name: web-01, address: 10.0.0.3}
                hosts:
                  - {name: lone-01, address: 10.0.0.4}
                """);

        assertThat(inv.hosts()).extracting(Host::name, Host::tty).containsExactly(
                org.assertj.core.groups.Tuple.tuple("old-01", true), org.assertj.core.groups.Tuple.tuple("old-02", false),
                org.assertj.core.groups.Tuple.tuple("web-01", false), org.assertj.core.groups.Tuple.tuple("lone-01", true));
    }

    @Test
    void a_host_without_tty_gets_none_and_a_wrong_value_names_its_line() throws Exception {
        assertThat(load("environment: staging\nhosts:\n  - {name: a, address: 10.0.0.1, user: u}\n").hosts())
                .singleElement().extracting(Host::tty).isEqualTo(false);
        assertThatThrownBy(() -> load("environment: staging\nhosts:\n  - {name: a, address: 10.0.0.1, user: u,"
                + " tty: sometimes}\n")).isInstanceOf(InventoryException.class).hasMessageContaining(":3");
    }
}
