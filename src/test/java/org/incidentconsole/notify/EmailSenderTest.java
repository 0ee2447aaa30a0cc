package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.notify.MailServers.LOOPBACK;
import static org.incidentconsole.notify.MailServers.MESSAGE;
import static org.incidentconsole.notify.MailServers.TO;
import static org.incidentconsole.notify.MailServers.sender;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.SmtpSecurity;
import org.incidentconsole.inventory.SmtpSettings;
import org.incidentconsole.notify.Attempt.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** E-mail to a real SMTP server (GreenMail) on loopback: STARTTLS, TLS, login, and what failures mean. */
class EmailSenderTest {
    @TempDir
    Path dir;
    private final MailServers servers = new MailServers();

    @AfterEach
    void stopServers() {
        servers.close();
    }

    @Test
    void starttls_upgrades_the_session_then_delivers_subject_body_and_recipients() throws Exception {
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTP);
        try (StartTlsGateway gateway = new StartTlsGateway(GreenMailTls.server().serverContext(),
                mail.getSmtp().getPort())) {
            Attempt a = sender(LOOPBACK, gateway.port(), SmtpSecurity.STARTTLS, GreenMailTls.server().pem())
                    .send(MESSAGE);

            assertThat(a.result()).as(a.reason()).isEqualTo(Result.DELIVERED);
            assertThat(a.status()).isEqualTo(250);
            assertThat(gateway.upgrades()).singleElement().asString().startsWith("TLSv1.");
        }
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
        MimeMessage got = mail.getReceivedMessages()[0];
        assertThat(got.getSubject()).isEqualTo(MESSAGE.subject());
        assertThat(got.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("utf-8");
        assertThat(((String) got.getContent()).replace("\r\n", "\n")).isEqualTo(MESSAGE.text());
        assertThat(Arrays.stream(got.getRecipients(Message.RecipientType.TO)).map(r -> ((InternetAddress) r)
                .getAddress())).containsExactlyElementsOf(TO);
        assertThat(((InternetAddress) got.getFrom()[0]).getAddress()).isEqualTo("oncall@example.com");
        assertThat(got.getSentDate()).isNotNull();
        assertThat(got.getMessageID()).matches("<[0-9a-f-]{36}@example\\.com>");
    }

    @Test
    void starttls_never_falls_back_to_plain_text_when_the_server_offers_none() throws Exception {
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTP);

        Attempt a = sender(LOOPBACK, mail.getSmtp().getPort(), SmtpSecurity.STARTTLS, GreenMailTls.server().pem())
                .send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.FAILED);
        assertThat(a.reason()).isEqualTo(LOOPBACK + ":" + mail.getSmtp().getPort() + " does not offer STARTTLS and"
                + " security: starttls never sends in plain text; use tls if the port speaks TLS from the first byte");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void tls_delivers_from_the_first_byte() throws Exception {
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTPS);

        Attempt a = sender(LOOPBACK, mail.getSmtps().getPort(), SmtpSecurity.TLS, GreenMailTls.server().pem())
                .send(MESSAGE);

        assertThat(a.result()).as(a.reason()).isEqualTo(Result.DELIVERED);
        assertThat(a.status()).isEqualTo(250);
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
        assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo(MESSAGE.subject());
    }

    @Test
    void a_login_the_server_accepts_delivers_and_a_wrong_password_fails_with_535_never_showing_it()
            throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String password = randomPassword(random);
        String wrong = randomPassword(random);
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTPS);
        mail.setUser("oncall@example.com", "oncall-robot", password);
        int port = mail.getSmtps().getPort();
        Path ca = GreenMailTls.server().pem();
        EmailSender good = sender(LOOPBACK, port, SmtpSecurity.TLS, ca,
                Map.of("SMTP_USER", "oncall-robot", "SMTP_PASSWORD", password));
        EmailSender refused = sender(LOOPBACK, port, SmtpSecurity.TLS, ca,
                Map.of("SMTP_USER", "oncall-robot", "SMTP_PASSWORD", wrong));
        ListAppender<ILoggingEvent> log = captureOurLog();
        Attempt ok;
        Attempt no;
        try {
            ok = good.send(MESSAGE);
            no = refused.send(MESSAGE);
        } finally {
            releaseOurLog(log);
        }

        assertThat(ok.result()).as("seed %d: %s", seed, ok.reason()).isEqualTo(Result.DELIVERED);
        assertThat(no.result()).as("seed %d", seed).isEqualTo(Result.FAILED);
        assertThat(no.status()).as("seed %d", seed).isEqualTo(535);
        assertThat(no.reason()).as("seed %d", seed).startsWith("the mail server refused the login: 535");
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
        List<String> seen = new ArrayList<>(List.of(ok.toString(), no.toString(), good.preview(MESSAGE),
                refused.preview(MESSAGE)));
        log.list.forEach(e -> seen.add(e.getFormattedMessage()));
        assertThat(log.list).as("our log lines").hasSizeGreaterThanOrEqualTo(2);
        for (String secret : List.of(password, wrong)) {
            for (String form : List.of(secret, base64(secret), base64("\0oncall-robot\0" + secret))) {
                assertThat(seen).as("seed %d", seed).noneMatch(s -> s.contains(form));
                assertThat(filesHolding(form, dir, ca.getParent())).as("seed %d", seed).isEmpty();
            }
        }
    }

    @Test
    void a_server_that_is_down_is_worth_a_retry() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            closedPort = s.getLocalPort();
        }

        Attempt a = sender(LOOPBACK, closedPort, SmtpSecurity.STARTTLS, null).send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.RETRY);
        assertThat(a.reason()).isEqualTo("nothing answered at " + LOOPBACK + ":" + closedPort
                + " (connection refused)");
    }

    @Test
    void plain_text_goes_to_a_loopback_host_only() throws Exception {
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTP);

        Attempt local = sender(LOOPBACK, mail.getSmtp().getPort(), SmtpSecurity.NONE, null).send(MESSAGE);
        Attempt remote = sender("mail.example.org", 25, SmtpSecurity.NONE, null).send(MESSAGE);

        assertThat(local.result()).as(local.reason()).isEqualTo(Result.DELIVERED);
        assertThat(remote.result()).isEqualTo(Result.FAILED);
        assertThat(remote.reason()).isEqualTo("security: none sends the mail and the login in plain text, so it is"
                + " only for a loopback host (localhost, 127.0.0.1, ::1), not mail.example.org; use starttls or tls");
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
    }

    @Test
    void a_line_break_in_the_subject_cannot_add_a_header_or_a_recipient() throws Exception {
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTP);
        Outgoing sneaky = new Outgoing("Rollback done\r\nBcc: outsider@example.org", "text", Map.of());

        Attempt a = sender(LOOPBACK, mail.getSmtp().getPort(), SmtpSecurity.NONE, null).send(sneaky);

        assertThat(a.result()).as(a.reason()).isEqualTo(Result.DELIVERED);
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
        MimeMessage got = mail.getReceivedMessages()[0];
        assertThat(got.getSubject()).isEqualTo("Rollback done Bcc: outsider@example.org");
        assertThat(got.getHeader("Bcc")).isNull();
    }

    @Test
    void a_login_without_its_password_set_fails_before_connecting() throws Exception {
        Attempt a = sender("mail.example.org", 587, SmtpSecurity.STARTTLS, null, Map.of("SMTP_USER", "robot"))
                .send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.FAILED);
        assertThat(a.reason()).isEqualTo("the SMTP password is missing; set the environment variable SMTP_PASSWORD"
                + " or enter it when asked");
    }

    @Test
    void the_preview_shows_envelope_subject_and_body_and_names_the_secrets_only_by_variable() {
        Map<String, String> env = Map.of("SMTP_USER", "robot", "SMTP_PASSWORD", "pw-" + new Random().nextLong());
        EmailSender sender = sender("smtp.example.com", 587, SmtpSecurity.STARTTLS, Path.of("/etc/mail-ca.pem"), env);

        String preview = sender.preview(MESSAGE);

        assertThat(preview).isEqualTo("""
                e-mail via smtp.example.com:587 (starttls, certificate checked against ca_file /etc/mail-ca.pem)
                login: user from $SMTP_USER, password from $SMTP_PASSWORD (not shown)
                From: oncall@example.com
                To: incidents@example.com, leads@example.com
                Subject: %s

                %s""".formatted(MESSAGE.subject(), MESSAGE.text()));
        assertThat(preview).doesNotContain(env.get("SMTP_PASSWORD"));
    }

    @Test
    void the_senders_factory_makes_an_email_sender_for_an_email_channel() {
        NotifyChannel channel = new NotifyChannel("mail", ChannelKind.EMAIL, 3, null, null, new SmtpSettings(
                "smtp.example.com", 587, SmtpSecurity.STARTTLS, "oncall@example.com", TO, null, null, null));

        Sender sender = Senders.create(channel, (c, what, env) -> Optional.empty());

        assertThat(sender).isInstanceOf(EmailSender.class);
        assertThat(sender.channel()).isEqualTo("mail");
    }

    private static String randomPassword(Random random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!%";
        StringBuilder s = new StringBuilder("pw");
        for (int i = 0; i < 22; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> filesHolding(String text, Path... roots) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text)) {
                        found.add(f);
                    }
                }
            }
        }
        return found;
    }

    private static ListAppender<ILoggingEvent> captureOurLog() {
        Logger ours = (Logger) LoggerFactory.getLogger("org.incidentconsole");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ours.addAppender(log);
        ours.setLevel(Level.DEBUG);
        return log;
    }

    private static void releaseOurLog(ListAppender<ILoggingEvent> log) {
        Logger ours = (Logger) LoggerFactory.getLogger("org.incidentconsole");
        ours.detachAppender(log);
        ours.setLevel(null);
    }
}
