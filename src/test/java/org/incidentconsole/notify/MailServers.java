package org.incidentconsole.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Override
    public void close() {
        started.forEach(GreenMail::stop);
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
