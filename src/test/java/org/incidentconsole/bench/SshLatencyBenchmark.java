package org.incidentconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.ssh.ExecOutcome;
import org.incidentconsole.ssh.OutputListener;
import org.incidentconsole.ssh.SshConnection;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency of {@code true} on a connected host, against one local OpenSSH sshd: this console's warm
 * connection vs OpenSSH ssh with ControlMaster vs a fresh ssh each time. Run with {@code ./mvnw -Pbench verify}.
 * Prints figures and writes target/bench/ssh-latency.md; asserts only that every run succeeded.
 */
@Tag("bench")
class SshLatencyBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int WARMUP = 20;

    @TempDir
    Path dir;

    @Test
    void latency_of_true_on_a_connected_host() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (OpenSshServer sshd = OpenSshServer.start(dir, TestKeys.publicKey(key));
             SshKit kit = new SshKit(dir)) {
            Path knownHosts = dir.resolve("ssh_known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port() + " " + Files.readString(sshd.hostPublicKey()));
            List<String> ssh = List.of(TestKeys.tool("ssh", "openssh-client"), "-p", String.valueOf(sshd.port()),
                    "-i", key.toString(), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                    "-o", "UserKnownHostsFile=" + knownHosts, "-o", "LogLevel=ERROR");
            String target = System.getProperty("user.name") + "@127.0.0.1";

            kit.trustUnknown = true;
            SshConnection console = kit.connections().connection(SshKit.host("bench", sshd.port(), key));
            console.connect().get(30, TimeUnit.SECONDS);
            assertThat(kit.asked.get(0).fingerprint()).isEqualTo(sshd.fingerprintBySshKeygen());
            long[] warm = measure(() -> {
                var r = console.run("true", Duration.ofSeconds(30), OutputListener.IGNORE).result()
                        .get(30, TimeUnit.SECONDS);
                assertThat(r.outcome()).isEqualTo(ExecOutcome.OK);
            });

            List<String> master = new ArrayList<>(ssh);
            master.addAll(List.of("-o", "ControlMaster=auto", "-o", "ControlPath=" + dir.resolve("cm-%p"),
                    "-o", "ControlPersist=300", target, "true"));
            long[] multiplexed = measure(() -> run(master));
            List<String> exit = new ArrayList<>(master.subList(0, master.size() - 2));
            exit.addAll(List.of("-O", "exit", target));
            new ProcessBuilder(exit).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);

            List<String> fresh = new ArrayList<>(ssh);
            fresh.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=none", target, "true"));
            long[] cold = measure(() -> run(fresh));

            String report = "| `true` x " + RUNS + " on local OpenSSH sshd | median ms | p95 ms | mean ms |\n"
                    + "|---|---|---|---|\n"
                    + row("Incident Console, warm connection", warm)
                    + row("ssh with ControlMaster", multiplexed)
                    + row("fresh `ssh host true`", cold)
                    + "\n" + Runtime.getRuntime().availableProcessors()
                    + " cores\n";
            Path out = Path.of("target", "bench", "ssh-latency.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        }
    }

    interface Run {
        void once() throws Exception;
    }

    private static long[] measure(Run run) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            run.once();
        }
        long[] micros = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            run.once();
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
    }

    private static String row(String name, long[] sorted) {
        double median = sorted[sorted.length / 2] / 1000.0;
        double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1000.0;
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        return String.format("| %s | %.2f | %.2f | %.2f |%n", name, median, p95, mean);
    }
}
