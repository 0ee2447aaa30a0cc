package org.incidentconsole.app;

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

    /** The keys refused since the last call, then forgets them. */
    synchronized List<UnknownHostKey> drain() {
        List<UnknownHostKey> out = List.copyOf(seen);
        seen.clear();
        return out;
    }
}
