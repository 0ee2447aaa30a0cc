package org.incidentconsole.ssh;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

/**
 * A socket that asks Linux to acknowledge at once before every read (TCP_QUICKACK, which the kernel keeps
 * only for a while). OpenSSH's sshd leaves Nagle on for a connection that only forwards ports, so the tail of
 * every multi-packet answer waits for our ACK, and a delayed ACK costs up to 40 ms. Elsewhere: a plain socket.
 */
final class QuickAckSocket extends Socket {
    private static final boolean SUPPORTED = supported();

    private static boolean supported() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        InputStream in = super.getInputStream();
        if (!SUPPORTED) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                quickAck();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                quickAck();
                return super.read(b, off, len);
            }
        };
    }

    private void quickAck() {
        try {
            setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        } catch (IOException | UnsupportedOperationException e) {
            // closed or not possible: the read reports what matters
        }
    }
}
