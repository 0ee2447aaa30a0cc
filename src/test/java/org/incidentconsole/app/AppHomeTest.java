package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppHomeTest {
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
}
