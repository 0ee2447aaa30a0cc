package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.drill.DrillEnvironment;
import org.incidentconsole.inventory.InventoryLoader;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.ssh.SshSettings;
import org.incidentconsole.testing.SshKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long until the drill host is connected: drill start (sandbox, redis-server, SSH server) plus the SSH
 * connection. The first run in a JVM includes class loading. Run with {@code ./mvnw -Pbench verify}.
 */
@Tag("bench")
class DrillStartBenchmark {
    @TempDir
    Path dir;

    @Test
    void drill_start_until_the_host_is_connected() throws Exception {
        long[] total = new long[6];
        long[] start = new long[6];
        for (int i = 0; i < total.length; i++) {
            long t0 = System.nanoTime();
            try (DrillEnvironment drill = DrillEnvironment.start(false); SshKit kit = new SshKit(dir)) {
                long t1 = System.nanoTime();
                var host = new InventoryLoader(dir).load(drill.inventory()).hosts().get(0);
                try (SshConnections ssh = new SshConnections(SshSettings.defaults(),
                        new HostKeyStore(null, drill.knownHosts()), new SshAuth(null, drill.root(), PassphrasePrompt.NONE),
                        HostKeyPrompt.REFUSE_ALL, kit.io, kit.scheduler)) {
                    ssh.connection(host).connect().get(30, TimeUnit.SECONDS);
                    total[i] = (System.nanoTime() - t0) / 1_000_000;
                    start[i] = (t1 - t0) / 1_000_000;
                    assertThat(ssh.connection(host).isConnected()).isTrue();
                }
            }
        }
        long first = total[0];
        long[] warm = Arrays.copyOfRange(total, 1, total.length);
        long[] warmStart = Arrays.copyOfRange(start, 1, start.length);
        Arrays.sort(warm);
        Arrays.sort(warmStart);
        String report = String.format("| drill start until the host is connected | ms |%n|---|---|%n"
                + "| first in a fresh JVM | %d |%n| later runs, median (drill start alone) | %d (%d) |%n",
                first, warm[2], warmStart[2]);
        Path out = Path.of("target", "bench", "drill-start.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }
}
