package org.incidentconsole.drill;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.incidentconsole.ssh.HostKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local rollback drill: an SSH server, a real Redis, a second one to share the incident through (the
 * coordination Redis, never the breaker Redis) and a sandbox host whose newest deploy is broken (the app at
 * {@code /var/www/api-gateway} as its shell presents it, {@link DrillShell}), plus
 * an inventory, a client key and a known_hosts that pins the drill's host key. Everything lives in one temp
 * folder, removed on close; the folder and redis-servers of a drill that was killed are removed by the next one
 * ({@link StaleDrills}), which tells them by the pid file each drill keeps in its folder ({@link DrillPidFile}).
 */
public final class DrillEnvironment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DrillEnvironment.class);

    private final Path root;
    private final DrillSandbox sandbox;
    private final DrillRedis redis;
    private final DrillRedis coordination;
    private final DrillHealthEndpoint health;
    private final DrillAppTraffic traffic;
    private final DrillChat chat;
    private final LocalSshServer ssh;
    private final Path clientKey;
    private final Path knownHosts;
    private final Path inventory;
    private volatile boolean closed;

    private DrillEnvironment(Path root, DrillSandbox sandbox, DrillRedis redis, DrillRedis coordination,
                             DrillHealthEndpoint health, DrillAppTraffic traffic, DrillChat chat, LocalSshServer ssh,
                             Path clientKey, Path knownHosts, Path inventory) {
        this.root = root;
        this.sandbox = sandbox;
        this.redis = redis;
        this.coordination = coordination;
        this.health = health;
        this.traffic = traffic;
        this.chat = chat;
        this.ssh = ssh;
        this.clientKey = clientKey;
        this.knownHosts = knownHosts;
        this.inventory = inventory;
    }

    /**
     * Starts the drill. {@code fast}: the sandbox's {@code sleep} waits a hundredth of the time (unattended runs).
     */
    public static DrillEnvironment start(boolean fast) throws IOException, InterruptedException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(tmp);
        Path root = Files.createTempDirectory(tmp, StaleDrills.PREFIX);
        DrillSandbox sandbox = null;
        DrillRedis redis = null;
        DrillRedis coordination = null;
        DrillHealthEndpoint health = null;
        DrillAppTraffic traffic = null;
        DrillChat chat = null;
        LocalSshServer ssh = null;
        try {
            DrillPidFile pidFile = DrillPidFile.ofCurrentProcess();
            pidFile.write(root);
            redis = DrillRedis.breakers(root.resolve("redis"));
            if (redis.process() != null) {
                pidFile = pidFile.withRedis(redis.process(), redis.binary(), redis.port());
                pidFile.write(root);
            } else {
                LOG.warn("The drill's redis-server was not found among this process's children; a crash would leave "
                        + "it running");
            }
            coordination = DrillRedis.coordination(root.resolve("coordination"));
            if (coordination.process() != null) {
                pidFile.withCoordination(coordination.process(), coordination.binary(), coordination.port())
                        .write(root);
            } else {
                LOG.warn("The drill's coordination redis-server was not found among this process's children; a "
                        + "crash would leave it running");
            }
            sandbox = DrillSandbox.create(root.resolve("host"));
            health = new DrillHealthEndpoint(sandbox);
            traffic = new DrillAppTraffic(sandbox, health);
            chat = new DrillChat();
            KeyPair hostKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
            KeyPair client = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
            Path clientKey = root.resolve("drill_key");
            try (OutputStream out = Files.newOutputStream(clientKey)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "incident-console-drill", null, out);
            }
            Files.setPosixFilePermissions(clientKey, PosixFilePermissions.fromString("rw-------"));
            Map<String, String> env = commandEnvironment(sandbox, redis, health, fast);
            DrillPaths paths = new DrillPaths(root, Map.of(DrillSandbox.HOST_WEB_ROOT, sandbox.webRoot));
            ssh = new LocalSshServer(hostKey, key -> KeyUtils.compareKeys(client.getPublic(), key),
                    new DrillShell(paths, env, sandbox.app.toFile()));
            Path knownHosts = root.resolve("known_hosts");
            new HostKeyStore(null, knownHosts).trust("127.0.0.1", ssh.port(), hostKey.getPublic());
            Path inventory = root.resolve("inventory.yaml");
            Files.writeString(inventory, DrillInventory.yaml(ssh.port(), clientKey, sandbox, redis.port(),
                    health.port(), coordination.port()));
            LOG.info("Drill started in {}: ssh 127.0.0.1:{}, redis {}, coordination redis {}, http {}", root,
                    ssh.port(), redis.port(), coordination.port(), health.port());
            return new DrillEnvironment(root, sandbox, redis, coordination, health, traffic, chat, ssh, clientKey,
                    knownHosts, inventory);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            closeQuietly(ssh);
            closeQuietly(traffic);
            closeQuietly(chat);
            closeQuietly(health);
            closeQuietly(redis);
            closeQuietly(coordination);
            delete(root);
            throw e instanceof IOException io ? io : new IOException("the drill could not start: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> commandEnvironment(DrillSandbox sandbox, DrillRedis redis,
                                                          DrillHealthEndpoint health, boolean fast) {
        Map<String, String> env = new LinkedHashMap<>();
        // only the sandbox's bin: the simulated commands and the real tools the drill allows (DrillTools)
        env.put("PATH", sandbox.bin.toString());
        env.put("DRILL_SYSTEM_PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("BASH_ENV", sandbox.bashEnv.toString());
        env.put("HOME", sandbox.home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("LANG", "C.UTF-8");
        env.put("DRILL_REDIS_PORT", String.valueOf(redis.port()));
        env.put("DRILL_HTTP_PORT", String.valueOf(health.port()));
        env.put("DRILL_STATE", sandbox.state.toString());
        env.put("DRILL_APP_LOG", sandbox.log.toString());
        env.put("DRILL_REAL_SLEEP", Files.isExecutable(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep");
        env.put("DRILL_FAST", fast ? "1" : "0");
        return env;
    }

    public Path inventory() {
        return inventory;
    }

    public Path knownHosts() {
        return knownHosts;
    }

    public Path clientKey() {
        return clientKey;
    }

    /** The drill's redis-server on loopback (the console reaches it through the SSH tunnel; tests may go direct). */
    public int redisPort() {
        return redis.port();
    }

    /**
     * The drill's coordination Redis on loopback: a redis-server of its own (not the breaker Redis), which the
     * drill's inventory names as {@code coordination: {redis: 127.0.0.1:PORT}} so sharing can be rehearsed.
     */
    public int coordinationPort() {
        return coordination.port();
    }

    public int sshPort() {
        return ssh.port();
    }

    public Path root() {
        return root;
    }

    /** What the console's environment gets from the drill: its chat room's webhook URL, as a real one would be. */
    public Map<String, String> commsEnvironment() {
        return Map.of(DrillChat.URL_ENV, chat.url());
    }

    /** The messages the drill's chat room received, oldest first. */
    public List<String> chatMessages() {
        return chat.received();
    }

    /** Whether the drill app answers its health endpoint with 200 now (for checks from outside). */
    public boolean appHealthy() throws IOException {
        return health.problem() == null;
    }

    /** What the drill host's simulated commands did, one act a line ("…Z systemctl restart php8.3-fpm"). */
    public List<String> hostJournal() throws IOException {
        return sandbox.journal();
    }

    /**
     * Removes what drills that crashed or were killed left in {@code tmp}: their folders and redis-servers.
     * Live drills, in this process or another, are left alone. Answers the folders removed.
     */
    static List<Path> removeStale(Path tmp) {
        return StaleDrills.removeIn(tmp);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(ssh);
        closeQuietly(traffic);
        closeQuietly(chat);
        closeQuietly(health);
        closeQuietly(redis);
        closeQuietly(coordination);
        delete(root);
        LOG.info("Drill stopped and {} removed", root);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Stopping a drill part failed: {}", e.getMessage());
        }
    }

    private static void delete(Path dir) {
        StaleDrills.delete(dir);
    }
}
