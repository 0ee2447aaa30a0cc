package org.incidentconsole.ssh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.incidentconsole.inventory.BreakerSettings;
import org.incidentconsole.inventory.Host;

/**
 * Makes the handshake for one hop (a bastion or the host itself): the hop's own address, login, keys, its own
 * known_hosts when ssh_config names one, its ConnectTimeout and ServerAliveInterval, the same strict check.
 */
final class HopHandshakes {
    private final SshSettings settings;
    private final HostKeyStore keys;
    private final SshAuth auth;
    private final HostKeyPrompt prompt;
    private final ScheduledExecutorService scheduler;

    HopHandshakes(SshSettings settings, HostKeyStore keys, SshAuth auth, HostKeyPrompt prompt,
                  ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.keys = keys;
        this.auth = auth;
        this.prompt = prompt;
        this.scheduler = scheduler;
    }

    /** The target: the inventory host, at the hop's address with the hop's login. */
    SshHandshake target(Host host, Hop hop, Route route) {
        return handshake(host.at(hop.address(), hop.port(), hop.user(), hop.identityFiles(), hop.agent()), hop, route);
    }

    /** A bastion: a host of its own, named as the operator wrote it. */
    SshHandshake bastion(Hop hop, Route route) {
        Host host = new Host(hop.name(), hop.address(), hop.port(), hop.user(), hop.identityFiles(), hop.agent(),
                List.of(), null, null, null, BreakerSettings.defaults(), List.of(), Map.of());
        return handshake(host, hop, route);
    }

    private SshHandshake handshake(Host host, Hop hop, Route route) {
        SshSettings s = settings;
        if (hop.connectTimeout() != null) {
            s = s.withConnectTimeout(hop.connectTimeout());
        }
        if (hop.keepAlive() != null) {
            s = s.withKeepAlive(hop.keepAlive(), s.keepAliveCountMax());
        }
        HostKeyStore k = hop.knownHosts() == null ? keys : new HostKeyStore(hop.knownHosts(), keys.appKnownHosts());
        SshAuth a = hop.identityAgent() == null ? auth : auth.withAgentSocket(hop.identityAgent());
        a = hop.certificateFiles().isEmpty() ? a : a.withCertificateFiles(hop.certificateFiles());
        return new SshHandshake(host, s, k, a, prompt, scheduler, route);
    }
}
