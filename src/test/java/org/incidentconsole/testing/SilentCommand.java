package org.incidentconsole.testing;

import java.util.concurrent.CountDownLatch;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.incidentconsole.drill.ExecCommand;

/** A command that never answers: a hung host. Records that it was stopped. */
final class SilentCommand extends ExecCommand {
    private final CountDownLatch destroyed;

    SilentCommand(CountDownLatch destroyed) {
        this.destroyed = destroyed;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        // never answers
    }

    @Override
    public void destroy(ChannelSession channel) {
        destroyed.countDown();
    }
}
