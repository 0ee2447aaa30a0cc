package org.incidentconsole.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.SmtpSecurity;
import org.incidentconsole.inventory.SmtpSettings;
import org.incidentconsole.redact.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An e-mail channel: one plain-text UTF-8 message to the channel's recipients over SMTP (Jakarta Mail), with
 * STARTTLS required, TLS, or plain text on a loopback host only; the server's certificate and name are always
 * checked. The login comes from the {@link SecretSource}; it never reaches a result, a preview or the log.
 */
public final class EmailSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
    private static final Redactor REDACTOR = new Redactor();

    private final NotifyChannel channel;
    private final SmtpSettings smtp;
    private final SecretSource secrets;

    public EmailSender(NotifyChannel channel, SecretSource secrets) {
        if (channel.smtp() == null) {
            throw new IllegalArgumentException("channel " + channel.name() + " has no SMTP settings");
        }
        this.channel = channel;
        this.smtp = channel.smtp();
        this.secrets = secrets;
    }

    @Override
    public String channel() {
        return channel.name();
    }

    @Override
    public Attempt send(Outgoing message) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("sending to " + channel.name() + " was cancelled");
        }
        List<String> hidden = new ArrayList<>();
        Attempt attempt;
        try {
            attempt = deliver(message, hidden);
        } catch (EmailSetupException e) {
            attempt = Attempt.failed(null, e.getMessage());
        } catch (MessagingException e) {
            attempt = MailFailures.attempt(e, smtp);
        } catch (RuntimeException e) {
            attempt = Attempt.failed(null, "sending to " + smtp.host() + ":" + smtp.port() + " failed: "
                    + e.getClass().getSimpleName() + " " + MailFailures.oneLine(e.getMessage()));
        }
        Attempt clean = new Attempt(attempt.result(), attempt.status(), scrub(attempt.reason(), hidden),
                attempt.retryAfter(), attempt.ref());
        LOG.info("e-mail channel {} via {}:{} ({}): {} {}", channel.name(), smtp.host(), smtp.port(),
                smtp.security().label(), clean.result(), clean.reason());
        return clean;
    }

    @Override
    public String preview(Outgoing message) {
        String trust = smtp.security() == SmtpSecurity.NONE ? "plain text, loopback only"
                : smtp.caFile() == null ? "certificate checked against the system's trusted authorities"
                : "certificate checked against ca_file " + smtp.caFile();
        String login = smtp.userEnv() == null ? "none"
                : "user from $" + smtp.userEnv() + ", password from "
                + (smtp.passwordEnv() == null ? "(none set)" : "$" + smtp.passwordEnv()) + " (not shown)";
        return "e-mail via " + smtp.host() + ":" + smtp.port() + " (" + smtp.security().label() + ", " + trust + ")\n"
                + "login: " + login + "\n"
                + "From: " + smtp.from() + "\n"
                + "To: " + String.join(", ", smtp.to()) + "\n"
                + "Subject: " + subjectLine(message) + "\n"
                + "\n"
                + message.text();
    }

    private Attempt deliver(Outgoing message, List<String> hidden) throws EmailSetupException, MessagingException {
        Optional<Login> login = login(hidden);
        SSLSocketFactory sockets = smtp.caFile() == null || smtp.security() == SmtpSecurity.NONE ? null
                : MailTrust.fromPem(smtp.caFile());
        Session session = Session.getInstance(SmtpProperties.of(smtp, login.isPresent(), sockets));
        session.setDebug(false);
        MimeMessage mail = compose(session, message);
        SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
        try {
            transport.connect(smtp.host(), smtp.port(), login.map(Login::user).orElse(null),
                    login.map(Login::password).orElse(null));
            transport.sendMessage(mail, mail.getAllRecipients());
            return Attempt.delivered(transport.getLastReturnCode(),
                    MailFailures.oneLine(transport.getLastServerResponse()));
        } finally {
            quietlyClose(transport);
        }
    }

    /** The server took the message before QUIT: a failing QUIT does not undo the delivery. */
    private static void quietlyClose(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("closing the SMTP connection: {}", MailFailures.oneLine(e.getMessage()));
        }
    }

    private MimeMessage compose(Session session, Outgoing message) throws EmailSetupException, MessagingException {
        InternetAddress from = address("from", smtp.from());
        List<InternetAddress> to = new ArrayList<>();
        for (String a : smtp.to()) {
            to.add(address("to", a));
        }
        if (to.isEmpty()) {
            throw new EmailSetupException("channel " + channel.name() + " has no recipient (to:)");
        }
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
            }
        };
        mail.setFrom(from);
        mail.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
        mail.setSubject(subjectLine(message), StandardCharsets.UTF_8.name());
        mail.setText(message.text(), StandardCharsets.UTF_8.name());
        mail.setSentDate(new Date());
        mail.saveChanges();
        return mail;
    }

    /** One header line: a line break in the subject would start a header of the text's choosing. */
    private static String subjectLine(Outgoing message) {
        return message.subject() == null ? "" : message.subject().replaceAll("[\\r\\n]+", " ").strip();
    }

    private static InternetAddress address(String field, String value) throws EmailSetupException {
        try {
            InternetAddress a = new InternetAddress(value, true);
            if (a.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain");
            }
            return a;
        } catch (AddressException e) {
            throw new EmailSetupException(field + ": " + MailFailures.oneLine(value) + " is not an e-mail address");
        }
    }

    private Optional<Login> login(List<String> hidden) throws EmailSetupException {
        if (smtp.userEnv() == null) {
            return Optional.empty();
        }
        String user = secrets.secret(channel.name(), "SMTP user", smtp.userEnv()).orElseThrow(() ->
                new EmailSetupException("the SMTP user is missing; set the environment variable "
                        + smtp.userEnv()));
        if (smtp.passwordEnv() == null) {
            throw new EmailSetupException("channel " + channel.name() + " logs in as $" + smtp.userEnv()
                    + " but names no password_env");
        }
        String password = secrets.secret(channel.name(), "SMTP password", smtp.passwordEnv()).orElseThrow(() ->
                new EmailSetupException("the SMTP password is missing; set the environment variable "
                        + smtp.passwordEnv() + " or enter it when asked"));
        hidden.add(password);
        Base64.Encoder b64 = Base64.getEncoder();
        hidden.add(b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        hidden.add(b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
        return Optional.of(new Login(user, password));
    }

    private static String scrub(String reason, List<String> hidden) {
        String out = reason;
        for (String h : hidden) {
            if (out != null && !h.isEmpty()) {
                out = out.replace(h, "[REDACTED:password]");
            }
        }
        return REDACTOR.scrub(out);
    }

    private record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }
}
