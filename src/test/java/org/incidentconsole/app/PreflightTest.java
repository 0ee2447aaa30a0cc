package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Environment;
import org.incidentconsole.inventory.HealthCheckSpec;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.HostRoute;
import org.incidentconsole.inventory.Inventory;
import org.incidentconsole.inventory.RedisEndpoint;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.ssh.KeyFingerprint;
import org.incidentconsole.ssh.PassphrasePrompt;
import org.incidentconsole.ssh.SshAuth;
import org.incidentconsole.ssh.SshConnections;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preflight against real servers: MINA sshd hosts and an embedded Redis, one of each failure. */
class PreflightTest {
    @TempDir
    Path dir;

    SshKit kit;
    Path key;
    MinaSshServer good;
    MinaSshServer stranger;
    MinaSshServer redisless;
    TestRedis redis;
    int deadPort;
    int deadRedisPort;
    RefusingKeyRecorder keys;
    SshConnections ssh;

    @BeforeEach
    void setUp() throws Exception {
        kit = new SshKit(dir);
        key = TestKeys.generate(dir, "id_ed25519");
        good = MinaSshServer.start(TestKeys.publicKey(key));
        stranger = MinaSshServer.start(TestKeys.publicKey(key));
        redisless = MinaSshServer.start(TestKeys.publicKey(key));
        kit.trust(good);
        kit.trust(redisless);
        redis = TestRedis.start();
        deadPort = freePort();
        deadRedisPort = freePort();
        keys = new RefusingKeyRecorder();
        ssh = new SshConnections(SshKit.FAST, kit.keys(null), new SshAuth(null, dir.resolve("no-ssh-dir"),
                PassphrasePrompt.NONE), keys, kit.io, kit.scheduler);
    }

    @AfterEach
    void tearDown() throws Exception {
        ssh.close();
        kit.close();
        redis.close();
        good.close();
        stranger.close();
        redisless.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Host host(String name, int port, RedisEndpoint endpoint, List<HealthCheckSpec> checks) {
        return new Host(name, "127.0.0.1", port, System.getProperty("user.name"), List.of(key), false, List.of(),
                null, null, endpoint, BreakerSettings.defaults(), checks, Map.of());
    }

    private Inventory mixed() {
        HealthCheckSpec echo = new HealthCheckSpec("echo", "command", Map.of("command", "echo fine"));
        return new Inventory(dir.resolve("inventory.yaml"), Environment.values()[0], List.of(
                host("web-01", good.port(), new RedisEndpoint("127.0.0.1", redis.port(), 0, "PF_REDIS_PW", false),
                        List.of(echo)),
                host("web-02", stranger.port(), null, List.of()),
                host("web-03", deadPort, null, List.of()),
                host("web-04", redisless.port(), new RedisEndpoint("127.0.0.1", deadRedisPort, 0, null, false),
                        List.of())));
    }

    private List<PreflightRow> run() {
        return new Preflight(ssh, keys, Map.of("PF_REDIS_PW", ""), Clock.systemUTC()).run(mixed());
    }

    @Test
    void a_mixed_inventory_reports_each_failure_on_its_own_row_and_fails_overall() {
        long start = System.nanoTime();
        List<String> finished = new CopyOnWriteArrayList<>();
        List<PreflightRow> rows = new Preflight(ssh, keys, Map.of("PF_REDIS_PW", ""), Clock.systemUTC()).run(mixed(),
                (index, row) -> finished.add(row.host() + " " + (System.nanoTime() - start) / 1_000_000 + " ms"));
        System.out.printf("preflight of the mixed inventory (4 hosts): %d ms; rows finished at %s%n",
                (System.nanoTime() - start) / 1_000_000, finished);
        rows.forEach(r -> System.out.println(r.cells()));

        PreflightRow web1 = rows.get(0);
        assertThat(web1.ok()).as(web1.toString()).isTrue();
        assertThat(web1.reach()).isEqualTo("yes");
        assertThat(web1.hostKey()).isEqualTo("known");
        assertThat(web1.auth()).contains("ssh-ed25519").contains("SHA256:");
        assertThat(web1.sudo()).matches("ok without a password|needs a password|fails: .*");
        assertThat(web1.redis()).isEqualTo("ok ($PF_REDIS_PW not set)");
        assertThat(web1.health()).singleElement().asString().startsWith("echo ok");
        assertThat(web1.clock()).matches("[+-]?\\d+ s");
        assertThat(Math.abs(Long.parseLong(web1.clock().replaceAll("[+ s]", "")))).isLessThanOrEqualTo(5);

        PreflightRow web2 = rows.get(1);
        assertThat(web2.ok()).isFalse();
        assertThat(web2.reach()).startsWith("no");
        assertThat(web2.hostKey()).isEqualTo("unknown (" + KeyFingerprint.sha256(stranger.hostKey()) + ")");
        assertThat(kit.appKnownHosts).satisfiesAnyOf(
                f -> assertThat(f).doesNotExist(),
                f -> assertThat(Files.readString(f)).doesNotContain("[127.0.0.1]:" + stranger.port()));

        PreflightRow web3 = rows.get(2);
        assertThat(web3.ok()).isFalse();
        assertThat(web3.reach()).startsWith("no: ");
        assertThat(web3.auth()).isEqualTo("-");

        PreflightRow web4 = rows.get(3);
        assertThat(web4.ok()).isFalse();
        assertThat(web4.reach()).isEqualTo("yes");
        assertThat(web4.redis()).startsWith("down: ").endsWith("(no password)");

        assertThat(rows.stream().allMatch(PreflightRow::ok)).isFalse();
    }

    @Test
    void checked_one_at_a_time_or_at_once_the_mixed_inventory_gives_the_same_rows() {
        long start = System.nanoTime();
        List<PreflightRow> oneByOne = new Preflight(ssh, keys, Map.of("PF_REDIS_PW", ""), Clock.systemUTC(), 1)
                .run(mixed());
        long sequential = (System.nanoTime() - start) / 1_000_000;
        ssh.close();
        ssh = new SshConnections(SshKit.FAST, kit.keys(null), new SshAuth(null, dir.resolve("no-ssh-dir"),
                PassphrasePrompt.NONE), keys, kit.io, kit.scheduler);
        start = System.nanoTime();
        List<PreflightRow> atOnce = run();
        System.out.printf("mixed inventory (4 hosts): one at a time %d ms, at once %d ms%n", sequential,
                (System.nanoTime() - start) / 1_000_000);

        assertThat(atOnce).extracting(PreflightRow::host, PreflightRow::ok, PreflightRow::reach, PreflightRow::hostKey,
                PreflightRow::redis).containsExactlyElementsOf(oneByOne.stream().map(r -> org.assertj.core.groups.Tuple
                .tuple(r.host(), r.ok(), r.reach(), r.hostKey(), r.redis())).toList());
    }

    @Test
    void a_host_behind_a_bastion_is_reported_with_its_path() throws Exception {
        try (MinaSshServer bastion = MinaSshServer.start(TestKeys.publicKey(key))) {
            kit.trust(bastion);
            String jump = System.getProperty("user.name") + "@127.0.0.1:" + bastion.port();
            Host behind = new Host("web-05", "127.0.0.1", good.port(), System.getProperty("user.name"),
                    List.of(key), false, List.of(), null, null, null, BreakerSettings.defaults(), List.of(), Map.of(),
                    new HostRoute(List.of(jump), null, false, Set.of(HostRoute.PORT, HostRoute.USER, HostRoute.JUMP)));
            List<PreflightRow> rows = new Preflight(ssh, keys, Map.of(), Clock.systemUTC())
                    .run(new Inventory(dir.resolve("inventory.yaml"), Environment.values()[0], List.of(behind)));
            PreflightRow row = rows.get(0);
            assertThat(row.ok()).as(row.toString()).isTrue();
            assertThat(row.reach()).isEqualTo("yes via 127.0.0.1");
            assertThat(row.redis()).isEqualTo("not configured");
        }
    }

    @Test
    void a_refused_login_is_reported_in_the_auth_column_after_a_known_host_key() throws Exception {
        Path stranger = TestKeys.generate(dir, "id_other");
        Host host = new Host("web-06", "127.0.0.1", good.port(), System.getProperty("user.name"), List.of(stranger),
                false, List.of(), null, null, null, BreakerSettings.defaults(), List.of(), Map.of());
        PreflightRow row = new Preflight(ssh, keys, Map.of(), Clock.systemUTC())
                .run(new Inventory(dir.resolve("inventory.yaml"), Environment.values()[0], List.of(host))).get(0);
        assertThat(row.ok()).isFalse();
        assertThat(row.hostKey()).as(row.toString()).isEqualTo("known");
        assertThat(row.auth()).startsWith("authentication refused");
    }

    @Test
    void a_redis_password_from_the_environment_is_named_by_its_variable_never_shown() throws Exception {
        String secret = "pf-" + Long.toHexString(System.nanoTime());
        try (TestRedis locked = TestRedis.withPassword(secret)) {
            Host host = host("web-01", good.port(), new RedisEndpoint("127.0.0.1", locked.port(), 0, "PF_REDIS_PW",
                    false), List.of());
            List<PreflightRow> rows = new Preflight(ssh, keys, Map.of("PF_REDIS_PW", secret), Clock.systemUTC())
                    .run(new Inventory(dir.resolve("inventory.yaml"), Environment.values()[0], List.of(host)));
            assertThat(rows.get(0).redis()).isEqualTo("ok (password from $PF_REDIS_PW)");
            assertThat(String.join("\n", PreflightTable.text(rows)) + PreflightTable.json(rows)).doesNotContain(secret);
        }
    }

    @Test
    void a_changed_host_key_is_reported_with_both_fingerprints() throws Exception {
        ssh.close();
        kit.keys(null).trust("127.0.0.1", stranger.port(), good.hostKey());
        keys = new RefusingKeyRecorder();
        ssh = new SshConnections(SshKit.FAST, kit.keys(null), new SshAuth(null, dir.resolve("no-ssh-dir"),
                PassphrasePrompt.NONE), keys, kit.io, kit.scheduler);
        PreflightRow web2 = run().get(1);
        assertThat(web2.ok()).isFalse();
        assertThat(web2.hostKey()).isEqualTo("changed (known " + KeyFingerprint.sha256(good.hostKey())
                + ", presented " + KeyFingerprint.sha256(stranger.hostKey()) + ")");
    }

    @Test
    void the_table_is_aligned_one_row_per_host_and_the_json_keeps_its_key_order() throws Exception {
        List<PreflightRow> rows = run();
        List<String> table = PreflightTable.text(rows);
        assertThat(table).hasSize(1 + rows.size());
        int authColumn = table.get(0).indexOf("auth");
        assertThat(table.get(1).substring(0, authColumn)).contains("web-01").contains("known");
        assertThat(table.get(2).substring(authColumn)).startsWith("-");

        JsonNode doc = new ObjectMapper().readTree(PreflightTable.json(rows));
        assertThat(names(doc)).containsExactly("ok", "hosts");
        assertThat(doc.get("ok").asBoolean()).isFalse();
        for (JsonNode host : doc.get("hosts")) {
            assertThat(names(host)).containsExactly("host", "ok", "reach", "hostKey", "auth", "sudo", "redis",
                    "health", "clockSkew");
        }
        assertThat(PreflightTable.json(rows)).isEqualTo(PreflightTable.json(rows));
    }

    @Test
    void a_bad_inventory_exits_2_with_one_located_sentence() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "environment: production\nhosts:\n  - name: web-01\n    adress: 10.0.0.1\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new AppHome(dir.resolve("home")), new PrintWriter(out), new PrintWriter(err),
                "preflight", "--inventory", bad.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("incident-console: " + bad + ":4:");
        assertThat(err.toString()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void the_command_exits_0_when_every_host_works_and_1_when_one_does_not() throws Exception {
        AppHome home = new AppHome(dir.resolve("home"));
        home.prepare();
        new HostKeyStore(null, home.knownHosts()).trust("127.0.0.1", good.port(), good.hostKey());
        String goodHost = "  - {name: web-01, address: 127.0.0.1, port: " + good.port() + ", user: "
                + System.getProperty("user.name") + ", agent: false, identity_files: [\"" + key + "\"]}\n";
        String deadHost = "  - {name: web-03, address: 127.0.0.1, port: " + deadPort + ", user: nobody, agent: false}\n";
        Path fine = dir.resolve("fine.yaml");
        Files.writeString(fine, "environment: production\nhosts:\n" + goodHost);
        Path mixed = dir.resolve("mixed.yaml");
        Files.writeString(mixed, "environment: production\nhosts:\n" + goodHost + deadHost);

        String[] ok = cli(home, "preflight", "--inventory", fine.toString());
        assertThat(ok[0]).as(ok[2]).isEqualTo("0");
        assertThat(ok[1].lines().toList()).hasSize(2).first().asString().startsWith("host    reach");

        String[] failed = cli(home, "preflight", "--json", "--inventory", mixed.toString());
        assertThat(failed[0]).as(failed[2]).isEqualTo("1");
        JsonNode doc = new ObjectMapper().readTree(failed[1]);
        assertThat(doc.get("hosts")).hasSize(2);
        assertThat(doc.get("hosts").get(0).get("ok").asBoolean()).isTrue();
        assertThat(doc.get("hosts").get(1).get("reach").asText()).startsWith("no: ");
    }

    private static String[] cli(AppHome home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(home, new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
