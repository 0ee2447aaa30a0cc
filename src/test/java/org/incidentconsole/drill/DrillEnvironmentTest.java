package org.incidentconsole.drill;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.inventory.CoordinationSettings;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.InventoryException;
import org.incidentconsole.inventory.InventoryLoader;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

class DrillEnvironmentTest {
    @Test
    void a_folder_left_by_a_crashed_drill_is_removed_by_the_next_and_the_drill_removes_its_own() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createTempDirectory(tmp, "incident-console-drill-");
        Files.writeString(stale.resolve("pid"), String.valueOf(gone.pid()));
        Files.createDirectories(stale.resolve("host/app"));

        Path root;
        try (DrillEnvironment drill = DrillEnvironment.start(true)) {
            root = drill.root();
            assertThat(stale).as("the crashed drill's folder").doesNotExist();
            assertThat(Files.readString(drill.inventory())).contains("environment: drill");
            assertThat(new InventoryLoader(drill.root()).load(drill.inventory()).hosts())
                    .as("the drill's inventory passes the inventory's rules").hasSize(1);
            assertThat(drill.appHealthy()).as("the newest deploy is broken").isFalse();
        }
        assertThat(root).as("the drill removes its own folder").doesNotExist();
    }

    @Test
    void the_drill_runs_its_own_coordination_redis_which_its_inventory_names_and_close_stops() throws Exception {
        ProcessHandle coordinationProcess;
        int coordinationPort;
        try (DrillEnvironment drill = DrillEnvironment.start(true)) {
            coordinationPort = drill.coordinationPort();
            assertThat(coordinationPort).as("not the breaker Redis").isNotEqualTo(drill.redisPort());
            DrillPidFile record = DrillPidFile.read(drill.root()).orElseThrow();
            assertThat(record.coordination().pid()).as("a process of its own").isNotEqualTo(record.redis().pid());
            coordinationProcess = ProcessHandle.of(record.coordination().pid()).orElseThrow();
            try (Jedis coordination = new Jedis("127.0.0.1", coordinationPort);
                 Jedis breakers = new Jedis("127.0.0.1", drill.redisPort())) {
                assertThat(coordination.ping()).isEqualTo("PONG");
                assertThat(coordination.dbSize()).as("empty: no breaker keys in it").isZero();
                assertThat(breakers.get("circuit_breaker:calcom:state")).isEqualTo("open");
            }

            Inventory inventory = new InventoryLoader(drill.root()).load(drill.inventory());
            CoordinationSettings c = inventory.coordination();
            assertThat(c).isNotNull();
            assertThat(c.host()).isEqualTo("127.0.0.1");
            assertThat(c.port()).isEqualTo(coordinationPort);
            assertThat(c.direct()).isTrue();

            Path onBreakers = drill.root().resolve("on-breakers.yaml");
            Files.writeString(onBreakers, Files.readString(drill.inventory()).replace(
                    "127.0.0.1:" + coordinationPort, "127.0.0.1:" + drill.redisPort()));
            assertThatThrownBy(() -> new InventoryLoader(drill.root()).load(onBreakers))
                    .isInstanceOf(InventoryException.class).hasMessageContaining("this is the breaker Redis");
        }
        coordinationProcess.onExit().get(30, TimeUnit.SECONDS);
        assertThat(coordinationProcess.isAlive()).as("closing the drill stops its coordination Redis").isFalse();
        try (Jedis gone = new Jedis("127.0.0.1", coordinationPort)) {
            assertThatThrownBy(gone::ping).isInstanceOf(JedisConnectionException.class);
        }
    }
}
