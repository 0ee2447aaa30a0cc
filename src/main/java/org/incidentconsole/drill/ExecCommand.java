package org.incidentconsole.drill;

import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An exec request on a MINA SSH server: holds the channel's streams and exit callback so that a command only says
 * what it does on {@code start} and {@code destroy}. Stdin is not read by any command here.
 */
public abstract class ExecCommand implements Command {
    protected OutputStream out;
    protected OutputStream err;
    protected ExitCallback exit;

    @Override
    public final void setInputStream(InputStream in) {
        // commands here get no stdin
    }

    @Override
    public final void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public final void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public final void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing runs after start returns, unless the command says otherwise
    }
}
