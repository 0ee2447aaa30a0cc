package org.incidentconsole.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** An exec request the drill's shell refused: its reason on stderr, exit status 127, nothing run. */
final class RefusedCommand implements Command {
    static final int EXIT_STATUS = 127;
    private final String reason;
    private OutputStream err;
    private ExitCallback exit;

    RefusedCommand(String reason) {
        this.reason = reason;
    }

    @Override
    public void setInputStream(InputStream in) {
        // nothing reads it
    }

    @Override
    public void setOutputStream(OutputStream out) {
        // nothing is written to stdout
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        Thread t = new Thread(() -> {
            try {
                err.write((reason + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException e) {
                // the client left: nothing to tell
            }
            exit.onExit(EXIT_STATUS, reason);
        }, "drill-sshd-refused");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing runs
    }
}
