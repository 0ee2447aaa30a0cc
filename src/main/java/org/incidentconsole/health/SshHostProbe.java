package org.incidentconsole.health;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.incidentconsole.ssh.ExecResult;
import org.incidentconsole.ssh.PortForward;
import org.incidentconsole.ssh.SshConnection;
import org.incidentconsole.ssh.StreamKind;

/** A host's probe over its SSH connection; forwards are opened once per target and kept. */
final class SshHostProbe implements HostProbe {
    private final SshConnection connection;
    private final Map<String, PortForward> forwards = new ConcurrentHashMap<>();

    SshHostProbe(SshConnection connection) {
        this.connection = connection;
    }

    @Override
    public String host() {
        return connection.host().name();
    }

    @Override
    public CommandOutput run(String command, Duration timeout) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        ExecResult r = connection.run(command, timeout, (h, stream, line) -> (stream == StreamKind.STDOUT ? out : err)
                .add(line)).result().join();
        return new CommandOutput(r.outcome(), r.exitStatus(), List.copyOf(out), List.copyOf(err), r.reason());
    }

    @Override
    public int forward(String address, int port) throws IOException {
        String key = address + ":" + port;
        PortForward f = forwards.get(key);
        if (f == null) {
            synchronized (this) {
                f = forwards.get(key);
                if (f == null) {
                    f = connection.forward(address, port);
                    forwards.put(key, f);
                }
            }
        }
        return f.localPort();
    }
}
