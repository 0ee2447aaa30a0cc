package org.incidentconsole.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import net.schmizz.sshj.SSHClient;

/** Carries a transport over a proxy command's stdin/stdout ({@link ProxyCommandSocket}). */
final class ProxyCommandRoute implements Route {
    private final String command;
    private final String user;
    private final String label;

    ProxyCommandRoute(String command, String user, String label) {
        this.command = command;
        this.user = user;
        this.label = label;
    }

    @Override
    public void connect(SSHClient client, String address, int port) throws IOException {
        String expanded = ProxyCommandSocket.expand(command, address, port, user);
        ProxyCommandSocket socket = ProxyCommandSocket.start(expanded, label, port);
        client.setSocketFactory(new SocketFactory() {
            @Override
            public Socket createSocket() {
                return socket;
            }

            @Override
            public Socket createSocket(String host, int p) {
                return socket;
            }

            @Override
            public Socket createSocket(String host, int p, InetAddress localHost, int localPort) {
                return socket;
            }

            @Override
            public Socket createSocket(InetAddress host, int p) {
                return socket;
            }

            @Override
            public Socket createSocket(InetAddress address, int p, InetAddress localAddress, int localPort) {
                return socket;
            }
        });
        try {
            client.connect(address, port);
        } catch (IOException e) {
            socket.awaitExit();
            String said = socket.lastError();
            socket.close();
            // the program's name only: a command line may carry a token, and this message reaches the log
            throw new IOException("proxy command (" + expanded.strip().split("\\s+")[0] + " …) for " + label
                    + " failed: " + (said == null ? e.getMessage() : said), e);
        }
    }
}
