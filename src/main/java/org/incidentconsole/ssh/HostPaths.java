package org.incidentconsole.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentconsole.inventory.Host;
import org.incidentconsole.inventory.HostRoute;
import org.incidentconsole.inventory.JumpHop;

/**
 * Works out each host's path: its address may be an ssh_config alias; what the inventory gives wins, ssh_config
 * fills the rest, the console's defaults what neither says. A jump hop takes its own ssh_config entry; what
 * that leaves out (login, keys, agent) is the host's, as resolved. As with ssh, the first
 * hop's own ProxyJump (or ProxyCommand) is followed; later hops' are not.
 */
public final class HostPaths {
    static final int MAX_HOPS = 8;

    private final SshConfig config;
    private final Path home;

    public HostPaths(SshConfig config, Path home) {
        this.config = config;
        this.home = home;
    }

    /** No ssh_config: inventory jumps and proxy commands still work. */
    public static HostPaths withoutSshConfig() {
        return new HostPaths(SshConfig.NONE, Path.of(System.getProperty("user.home")));
    }

    /** The operator's {@code ~/.ssh/config} under {@code home}, read as {@link SshConfig#of} says. */
    public static HostPaths forUser(Path home) {
        return new HostPaths(SshConfig.of(home.resolve(".ssh").resolve("config")), home);
    }

    public SshConfig config() {
        return config;
    }

    public HostPath resolve(Host host) throws SshException {
        HostRoute route = host.route();
        Map<String, Map<String, List<String>>> seen = new HashMap<>();
        Map<String, List<String>> cfg = lookup(route, host.address(), seen);
        Map<String, SettingOrigin> origins = new LinkedHashMap<>();
        Hop target = target(host, cfg, origins);
        List<JumpHop> specs = List.of();
        String proxy = null;
        if (route.gives(HostRoute.JUMP)) {
            specs = parse(route.jump(), host);
            origins.put(HostRoute.JUMP, SettingOrigin.inventory());
        } else if (route.gives(HostRoute.PROXY_COMMAND)) {
            proxy = route.proxyCommand();
            origins.put(HostRoute.PROXY_COMMAND, SettingOrigin.inventory());
        } else if (cfg.containsKey("proxyjump")) {
            specs = proxyJump(first(cfg, "proxyjump"), host);
            origins.put(HostRoute.JUMP, SettingOrigin.sshConfig(config));
        } else if (cfg.containsKey("proxycommand") && !first(cfg, "proxycommand").equalsIgnoreCase("none")) {
            proxy = first(cfg, "proxycommand");
            origins.put(HostRoute.PROXY_COMMAND, SettingOrigin.sshConfig(config));
        }
        List<Hop> hops = new ArrayList<>();
        for (JumpHop spec : specs) {
            hops.add(jumpHop(spec, host, target, seen));
        }
        while (!hops.isEmpty() && proxy == null) {
            Map<String, List<String>> firstCfg = lookup(route, hops.get(0).name(), seen);
            String upstream = first(firstCfg, "proxyjump");
            if (upstream != null && !upstream.equalsIgnoreCase("none")) {
                List<Hop> before = new ArrayList<>();
                for (JumpHop spec : proxyJump(upstream, host)) {
                    before.add(jumpHop(spec, host, target, seen));
                }
                hops.addAll(0, before);
                if (hops.size() > MAX_HOPS) {
                    throw new SshException("the jump path of " + host.name() + " is longer than " + MAX_HOPS
                            + " hops or loops (ProxyJump of " + before.get(0).name() + " in " + config.describe()
                            + ")", null, true);
                }
            } else {
                String command = first(firstCfg, "proxycommand");
                proxy = command == null || command.equalsIgnoreCase("none") ? null : command;
                if (proxy != null) {
                    origins.put(HostRoute.PROXY_COMMAND, SettingOrigin.sshConfig(config));
                }
                break;
            }
        }
        return new HostPath(host.name(), hops, proxy, target, origins);
    }

    private Hop target(Host host, Map<String, List<String>> cfg, Map<String, SettingOrigin> origins) {
        HostRoute route = host.route();
        SettingOrigin fromConfig = SettingOrigin.sshConfig(config);
        String address = first(cfg, "hostname");
        origins.put("address", address != null ? fromConfig : SettingOrigin.inventory());
        address = address != null ? address : host.address();
        int port = pick(route.gives(HostRoute.PORT), host.port(), cfg, "port", origins, "22");
        String user = pick(route.gives(HostRoute.USER), host.user(), cfg, "user", origins, "the local login");
        List<Path> files = host.identityFiles();
        if (route.gives(HostRoute.IDENTITY_FILES)) {
            origins.put(HostRoute.IDENTITY_FILES, SettingOrigin.inventory());
        } else if (cfg.containsKey("identityfile")) {
            files = paths(cfg.get("identityfile"), address, user);
            origins.put(HostRoute.IDENTITY_FILES, fromConfig);
        } else {
            origins.put(HostRoute.IDENTITY_FILES, SettingOrigin.byDefault("~/.ssh/id_ed25519, id_ecdsa, id_rsa"));
        }
        boolean agent = host.agent();
        if (route.gives(HostRoute.AGENT)) {
            origins.put(HostRoute.AGENT, SettingOrigin.inventory());
        } else if (agentOff(cfg, files)) {
            agent = false;
            origins.put(HostRoute.AGENT, fromConfig);
        } else {
            origins.put(HostRoute.AGENT, SettingOrigin.byDefault("SSH_AUTH_SOCK"));
        }
        Hop hop = hop(host.name(), address, port, user, files, agent, cfg);
        for (String key : List.of("identityagent", "certificatefile", "userknownhostsfile", "connecttimeout",
                "serveraliveinterval", "identitiesonly")) {
            if (cfg.containsKey(key)) {
                origins.put(key, fromConfig);
            }
        }
        return hop;
    }

    private Hop jumpHop(JumpHop spec, Host host, Hop target, Map<String, Map<String, List<String>>> seen)
            throws SshException {
        Map<String, List<String>> cfg = lookup(host.route(), spec.host(), seen);
        String address = first(cfg, "hostname");
        address = address != null ? address : spec.host();
        int port = spec.port() != null ? spec.port() : cfg.containsKey("port") ? number(cfg, "port") : 22;
        String user = spec.user() != null ? spec.user() : cfg.containsKey("user") ? first(cfg, "user")
                : target.user();
        List<Path> files = cfg.containsKey("identityfile") ? paths(cfg.get("identityfile"), address, user)
                : target.identityFiles();
        boolean agent = !agentOff(cfg, files) && target.agent();
        return hop(spec.host(), address, port, user, files, agent, cfg);
    }

    private Hop hop(String name, String address, int port, String user, List<Path> files, boolean agent,
                    Map<String, List<String>> cfg) {
        String agentSocket = first(cfg, "identityagent");
        Path identityAgent = agentSocket == null || agentSocket.equalsIgnoreCase("none")
                || agentSocket.equals("SSH_AUTH_SOCK") ? null : expand(agentSocket, address, user);
        List<Path> certificates = cfg.containsKey("certificatefile")
                ? paths(cfg.get("certificatefile"), address, user) : List.of();
        String knownHosts = first(cfg, "userknownhostsfile");
        return new Hop(name, address, port, user, files, agent, identityAgent, "yes".equals(first(cfg,
                "identitiesonly")), certificates, knownHosts == null ? null : expand(knownHosts.split("\\s+")[0],
                address, user), seconds(cfg, "connecttimeout"), seconds(cfg, "serveraliveinterval"));
    }

    private static boolean agentOff(Map<String, List<String>> cfg, List<Path> files) {
        return "none".equalsIgnoreCase(first(cfg, "identityagent"))
                || "yes".equals(first(cfg, "identitiesonly")) && !files.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private <T> T pick(boolean given, T inventory, Map<String, List<String>> cfg, String key,
                       Map<String, SettingOrigin> origins, String byDefault) {
        if (given) {
            origins.put(key, SettingOrigin.inventory());
            return inventory;
        }
        if (cfg.containsKey(key)) {
            origins.put(key, SettingOrigin.sshConfig(config));
            return inventory instanceof Integer ? (T) Integer.valueOf(number(cfg, key)) : (T) first(cfg, key);
        }
        origins.put(key, SettingOrigin.byDefault(byDefault));
        return inventory;
    }

    /** One ssh_config question per alias and path ({@code seen}): ssh -G costs two processes a question. */
    private Map<String, List<String>> lookup(HostRoute route, String alias,
                                             Map<String, Map<String, List<String>>> seen) throws SshException {
        if (!route.sshConfig()) {
            return Map.of();
        }
        Map<String, List<String>> known = seen.get(alias);
        if (known == null) {
            known = config.settings(alias);
            seen.put(alias, known);
        }
        return known;
    }

    private List<JumpHop> parse(List<String> hops, Host host) throws SshException {
        List<JumpHop> parsed = new ArrayList<>();
        try {
            for (String hop : hops) {
                parsed.add(JumpHop.parse(hop));
            }
        } catch (IllegalArgumentException e) {
            throw new SshException(host.name() + ": " + e.getMessage(), e, true);
        }
        return parsed;
    }

    private List<JumpHop> proxyJump(String value, Host host) throws SshException {
        try {
            return JumpHop.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new SshException(host.name() + ": ProxyJump in " + config.describe() + ": " + e.getMessage(), e,
                    true);
        }
    }

    private List<Path> paths(List<String> values, String address, String user) {
        return values.stream().map(v -> expand(v, address, user)).toList();
    }

    /** ssh_config's path tokens: ~, %d (home), %u (local login), %h (host), %r (remote login), %%. */
    private Path expand(String value, String address, String user) {
        String v = value.startsWith("~/") ? home + value.substring(1) : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '%' || i + 1 == v.length()) {
                out.append(c);
                continue;
            }
            char token = v.charAt(++i);
            out.append(switch (token) {
                case 'd' -> home.toString();
                case 'u' -> System.getProperty("user.name");
                case 'h' -> address;
                case 'r' -> user;
                case '%' -> "%";
                default -> "%" + token;
            });
        }
        return Path.of(out.toString());
    }

    private static Duration seconds(Map<String, List<String>> cfg, String key) {
        String v = first(cfg, key);
        if (v == null || !v.matches("\\d{1,6}") || Integer.parseInt(v) == 0) {
            return null;
        }
        return Duration.ofSeconds(Integer.parseInt(v));
    }

    private static int number(Map<String, List<String>> cfg, String key) {
        String v = first(cfg, key);
        return v != null && v.matches("\\d{1,5}") ? Integer.parseInt(v) : 22;
    }

    private static String first(Map<String, List<String>> cfg, String key) {
        List<String> values = cfg.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
