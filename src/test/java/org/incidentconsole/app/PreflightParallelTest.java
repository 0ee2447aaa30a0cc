package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Environment;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts are checked at once, at most {@link Preflight#PARALLEL} at a time, and the rows keep the inventory's
 * order. The first host is a socket that accepts and stays silent until every other host has its row: checked one
 * after another, nothing would finish before it; checked at once, it finishes last and is still listed first.
 */
class PreflightParallelTest {
    @TempDir
    Path dir;
    SshKit kit;
    Path key;
    MinaSshServer good;
    ServerSocket silent;
    final List<Socket> held = new CopyOnWriteArrayList<>();
    SshConnections ssh;
    RefusingKeyRecorder keys;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        good = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(good);
        silent = new ServerSocket(0);
        Thread accept = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-accept");
        accept.setDaemon(true);
        accept.start();
        keys = new RefusingKeyRecorder();
        // a connect limit longer than the test: the silent host ends when the socket is closed, not by a timer
        ssh = new SshConnections(SshKit.FAST.withConnectTimeout(Duration.ofMinutes(2)), kit.keys(null), new SshAuth(null, dir.resolve("no-ssh-dir"),
                PassphrasePrompt.NONE), keys, kit.io, kit.scheduler);
    }

    @AfterEach
    void tearDown() throws Exception {
        ssh.close();
        kit.close();
        good.close();
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    private void hangUp() {
        for (Socket s : held) {
            try {
                s.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Host host(String name, int port) {
        return new Host(name, "127.0.0.1", port, System.getProperty("user.name"), List.of(key), false, List.of(),
                null, null, null, BreakerSettings.defaults(), List.of(), Map.of());
    }

    @Test
    void hosts_are_checked_at_once_bounded_and_the_rows_keep_the_inventory_order() {
        List<Host> hosts = new ArrayList<>();
        hosts.add(host("silent-00", silent.getLocalPort()));
        IntStream.rangeClosed(1, 11).forEach(i -> hosts.add(host(String.format("web-%02d", i), good.port())));
        List<Integer> finished = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();

        long start = System.nanoTime();
        List<PreflightRow> rows = new Preflight(ssh, keys, Map.of(), Clock.systemUTC())
                .run(new Inventory(dir.resolve("inventory.yaml"), Environment.values()[0], hosts), (index, row) -> {
                    finished.add(index);
                    threads.add(Thread.currentThread().getName());
                    if (!finished.contains(0) && finished.size() == hosts.size() - 1) {
                        hangUp();
                    }
                });
        System.out.printf("preflight of 12 hosts (one silent): %d ms on %d threads, finished in order %s%n",
                (System.nanoTime() - start) / 1_000_000, threads.size(), finished);

        assertThat(rows).extracting(PreflightRow::host).containsExactlyElementsOf(hosts.stream().map(Host::name)
                .toList());
        assertThat(rows.get(0).ok()).isFalse();
        assertThat(rows.get(0).reach()).startsWith("no");
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        assertThat(finished).containsExactlyInAnyOrderElementsOf(IntStream.range(0, hosts.size()).boxed().toList());
        assertThat(finished.get(finished.size() - 1)).as("the silent host, checked first, finishes last")
                .isZero();
        assertThat(threads).hasSizeBetween(2, Preflight.PARALLEL);
    }
}
