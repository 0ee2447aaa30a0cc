package org.incidentconsole.testing;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** A command that never answers: a hung host. Records that it was stopped. */
final class SilentCommand implements Command {
    private final CountDownLatch destroyed;

    SilentCommand(CountDownLatch destroyed) {
        this.destroyed = destroyed;
    }

    @Override
    public void setInputStream(InputStream in) {
    }

    @Override
    public void setOutputStream(OutputStream out) {
    }

    @Override
    public void setErrorStream(OutputStream err) {
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
    }

    @Override
    public void destroy(ChannelSession channel) {
        destroyed.countDown();
    }
}
