package org.incidentconsole.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.common.Buffer;

/**
 * A minimal ssh-agent client (draft-miller-ssh-agent): list identities, sign. sshj has no agent support;
 * the JDK speaks UNIX sockets since 16. Private keys never leave the agent.
 */
final class AgentClient implements Closeable {
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    static final int RSA_SHA2_512 = 4;
    private static final int MAX_MESSAGE = 256 * 1024;

    private final SocketChannel channel;

    private AgentClient(SocketChannel channel) {
        this.channel = channel;
    }

    static AgentClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new AgentClient(ch);
    }

    record Identity(byte[] blob, String comment) {
        String keyType() {
            try {
                return new Buffer.PlainBuffer(blob).readString();
            } catch (Buffer.BufferException e) {
                return "unknown";
            }
        }
    }

    synchronized List<Identity> identities() throws IOException {
        Buffer.PlainBuffer reply = call(new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES), IDENTITIES_ANSWER);
        try {
            long count = reply.readUInt32();
            List<Identity> ids = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                ids.add(new Identity(reply.readBytes(), reply.readString()));
            }
            return ids;
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed answer from ssh-agent", e);
        }
    }

    /** Returns the signature as the SSH wire format wants it: string algorithm, string signature. */
    synchronized byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        Buffer.PlainBuffer request = new Buffer.PlainBuffer().putByte(SIGN_REQUEST).putBytes(keyBlob)
                .putBytes(data).putUInt32(flags);
        try {
            return call(request, SIGN_RESPONSE).readBytes();
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed signature from ssh-agent", e);
        }
    }

    private Buffer.PlainBuffer call(Buffer.PlainBuffer body, byte expected) throws IOException {
        byte[] payload = body.getCompactData();
        ByteBuffer out = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer len = readFully(4);
        int length = len.getInt();
        if (length < 1 || length > MAX_MESSAGE) {
            throw new IOException("ssh-agent sent a message of impossible length " + length);
        }
        ByteBuffer msg = readFully(length);
        byte type = msg.get();
        if (type != expected) {
            throw new IOException("ssh-agent refused the request (answer type " + type + ")");
        }
        byte[] rest = new byte[msg.remaining()];
        msg.get(rest);
        return new Buffer.PlainBuffer(rest);
    }

    private ByteBuffer readFully(int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new IOException("ssh-agent closed the connection");
            }
        }
        return buf.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
