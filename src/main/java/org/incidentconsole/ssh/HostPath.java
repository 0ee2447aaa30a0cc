package org.incidentconsole.ssh;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the console reaches one host: the jump hops in order (first is dialled directly, unless a proxy command
 * carries the first connection), the target, and where each of the target's settings came from (keys:
 * {@code address}, {@code user}, {@code port}, {@code identity_files}, {@code agent}, {@code jump},
 * {@code proxy_command}, {@code known_hosts}, {@code connect_timeout}, {@code keepalive}, ...).
 */
public record HostPath(String hostName, List<Hop> jumps, String proxyCommand, Hop target,
                       Map<String, SettingOrigin> origins) {
    public HostPath {
        jumps = List.copyOf(jumps);
        origins = Map.copyOf(origins);
    }

    public boolean direct() {
        return jumps.isEmpty() && proxyCommand == null;
    }

    /** "web-01 via bastion-1 → bastion-2", "web-01 via proxy command", or just "web-01". */
    public String describe() {
        if (!jumps.isEmpty()) {
            return hostName + " via " + jumps.stream().map(Hop::name).collect(Collectors.joining(" → "));
        }
        return proxyCommand != null ? hostName + " via proxy command" : hostName;
    }

    /** For a status line: " via bastion-1", or "" when direct. */
    public String via() {
        String d = describe();
        return d.length() > hostName.length() ? d.substring(hostName.length()) : "";
    }
}
