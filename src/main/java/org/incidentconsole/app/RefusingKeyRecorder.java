package org.incidentconsole.app;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.incidentconsole.ssh.HostKeyPrompt;
import org.incidentconsole.ssh.UnknownHostKey;

/** Preflight never trusts a key silently: every unknown key is refused and kept to be reported. */
final class RefusingKeyRecorder implements HostKeyPrompt {
    private final List<UnknownHostKey> seen = new CopyOnWriteArrayList<>();

    @Override
    public boolean trust(UnknownHostKey key) {
        seen.add(key);
        return false;
    }

    /**
     * The keys refused for the named servers (a host and the jump hosts on its path): hosts checked at once each
     * get their own, and a shared bastion's refused key is reported on every host behind it; each key once.
     */
    List<UnknownHostKey> refusedFor(Collection<String> names) {
        return seen.stream().filter(k -> names.contains(k.hostName())).distinct().toList();
    }
}
