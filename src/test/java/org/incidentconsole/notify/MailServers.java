package org.incidentconsole.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.SmtpSecurity;
import org.incidentconsole.inventory.SmtpSettings;

/**
 * The mail tests' GreenMail servers on loopback (TLS with {@link GreenMailTls}'s certificate), stopped on close,
 * and e-mail channels to them in the inventory's shape.
 */
final class MailServers implements AutoCloseable {
    static final String LOOPBACK = "127.0.0.1";
    static final List<String> TO = List.of("incidents@example.com", "leads@example.com");
    static final Outgoing MESSAGE = new Outgoing("[P1] Checkout errors — rollback complete ✓",
            "Rolled back checkout from v2.4.1 to v2.4.0.\nUser impact: none since 14:05 UTC. Next update 14:35.",
            Map.of("title", "Checkout errors"));

    private final List<GreenMail> started = new ArrayList<>();

    /** @param protocol {@link ServerSetup#PROTOCOL_SMTP} or {@link ServerSetup#PROTOCOL_SMTPS} */
    GreenMail start(String protocol) {
        GreenMailTls.server();
        GreenMail mail = new GreenMail(new ServerSetup(0, LOOPBACK, protocol).dynamicPort());
        started.add(mail);
        mail.start();
        return mail;
    }

    private static final String GREENMAIL_SERVER = "com.icegreen.greenmail.server.";

    @Override
    public void close() {
        started.forEach(GreenMail::stop);
        awaitServerThreadsGone();
    }

    /**
     * GreenMail's connection threads end on their own after stop, and one whose TLS handshake the client refused
     * ends by throwing: wait until they are gone, so no late exception lands in a later test (TestFX's window tests
     * fail on any uncaught exception of any thread).
     */
    private static void awaitServerThreadsGone() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Thread.getAllStackTraces().entrySet().stream().anyMatch(e -> e.getKey().isAlive()
                && Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith(GREENMAIL_SERVER)))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("GreenMail's connection threads still run 30 s after stop");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // a poll of the condition, not a wait for time
        }
    }

    /** A channel logging in as $SMTP_USER with $SMTP_PASSWORD when {@code env} is not empty; no login else. */
    static EmailSender sender(String host, int port, SmtpSecurity security, Path ca, Map<String, String> env) {
        boolean login = !env.isEmpty();
        NotifyChannel channel = new NotifyChannel("mail", ChannelKind.EMAIL, 12, null, null, new SmtpSettings(host,
                port, security, "oncall@example.com", TO, login ? "SMTP_USER" : null, login ? "SMTP_PASSWORD" : null,
                ca));
        return new EmailSender(channel, (ch, what, name) -> Optional.ofNullable(env.get(name)));
    }

    static EmailSender sender(String host, int port, SmtpSecurity security, Path ca) {
        return sender(host, port, security, ca, Map.of());
    }
}
