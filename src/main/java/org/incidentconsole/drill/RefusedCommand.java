package org.incidentconsole.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/** An exec request the drill's shell refused: its reason on stderr, exit status 127, nothing run. */
final class RefusedCommand extends ExecCommand {
    static final int EXIT_STATUS = 127;
    private final String reason;

    RefusedCommand(String reason) {
        this.reason = reason;
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
}
