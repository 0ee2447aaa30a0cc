package org.incidentconsole.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The STARTTLS front of a test's SMTP server. GreenMail 2.1 has no STARTTLS (its issue #135), so this loopback
 * server speaks the plain-text start of an SMTP session itself: greeting, EHLO offering only STARTTLS, then the
 * real TLS handshake with the test's certificate; every other command before it is refused with 530, as a server
 * that requires TLS does. After the handshake it joins the encrypted session to GreenMail's plain SMTP port, so
 * the rest (EHLO, AUTH, MAIL, RCPT, DATA) is GreenMail's. {@link #upgrades()} lists the TLS protocol of each
 * session that was upgraded.
 */
final class StartTlsGateway implements AutoCloseable {
    private final ServerSocket listener;
    private final SSLContext tls;
    private final int backendPort;
    private final List<String> upgrades = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    StartTlsGateway(SSLContext tls, int backendPort) throws IOException {
        this.tls = tls;
        this.backendPort = backendPort;
        this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "starttls-gateway");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    List<String> upgrades() {
        return List.copyOf(upgrades);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread session = new Thread(() -> serve(client), "starttls-gateway-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setSoTimeout(30_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            say(out, "220 gateway.test ESMTP ready");
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    client.close();
                    return;
                }
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> say(out, "250-gateway.test\r\n250 STARTTLS");
                    case "HELO" -> say(out, "250 gateway.test");
                    case "QUIT" -> {
                        say(out, "221 bye");
                        client.close();
                        return;
                    }
                    case "STARTTLS" -> {
                        say(out, "220 2.0.0 ready to start TLS");
                        upgrade(client);
                        return;
                    }
                    default -> say(out, "530 5.7.0 must issue a STARTTLS command first");
                }
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void upgrade(Socket client) throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client,
                client.getInetAddress().getHostAddress(), client.getPort(), true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        upgrades.add(secure.getSession().getProtocol());
        open.add(secure);
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        open.add(backend);
        readLine(backend.getInputStream());   // GreenMail's greeting: the client had the gateway's already
        pump(backend.getInputStream(), secure.getOutputStream(), secure);
        pump(secure.getInputStream(), backend.getOutputStream(), backend);
    }

    private static void pump(InputStream from, OutputStream to, Socket closeAtEnd) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // the other side closed: the session is over
            }
            closeQuietly(closeAtEnd);
        }, "starttls-gateway-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One CRLF line, read byte by byte so nothing of the TLS handshake after it is consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
