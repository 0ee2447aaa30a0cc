package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** E-mail to a real SMTP server (GreenMail) on loopback: STARTTLS, TLS, login, trust, and what failures mean. */
class EmailSenderTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final List<String> TO = List.of("incidents@example.com", "leads@example.com");
    private static final Outgoing MESSAGE = new Outgoing("[P1] Checkout errors — rollback complete ✓",
            "Rolled back checkout from v2.4.1 to v2.4.0.\nUser impact: none since 14:05 UTC. Next update 14:35.",
            Map.of("title", "Checkout errors"));

    @TempDir
    Path dir;
    private final List<GreenMail> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(GreenMail::stop);
    }

    @Test
    void starttls_upgrades_the_session_then_delivers_subject_body_and_recipients() throws Exception {
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTP);
        try (StartTlsGateway gateway = new StartTlsGateway(GreenMailTls.server().serverContext(),
                mail.getSmtp().getPort())) {
            Attempt a = sender(LOOPBACK, gateway.port(), SmtpSecurity.STARTTLS, GreenMailTls.server().pem(),
                    Map.of()).send(MESSAGE);

            assertThat(a.result()).as(a.reason()).isEqualTo(Result.DELIVERED);
            assertThat(a.status()).isEqualTo(250);
            assertThat(gateway.upgrades()).singleElement().asString().startsWith("TLSv1.");
        }
        MimeMessage got = mail.getReceivedMessages()[0];
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
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
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTP);

        Attempt a = sender(LOOPBACK, mail.getSmtp().getPort(), SmtpSecurity.STARTTLS, GreenMailTls.server().pem(),
                Map.of()).send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.FAILED);
        assertThat(a.reason()).isEqualTo(LOOPBACK + ":" + mail.getSmtp().getPort() + " does not offer STARTTLS and"
                + " security: starttls never sends in plain text; use tls if the port speaks TLS from the first byte");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void tls_delivers_from_the_first_byte() throws Exception {
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTPS);

        Attempt a = sender(LOOPBACK, mail.getSmtps().getPort(), SmtpSecurity.TLS, GreenMailTls.server().pem(),
                Map.of()).send(MESSAGE);

        assertThat(a.result()).as(a.reason()).isEqualTo(Result.DELIVERED);
        assertThat(a.status()).isEqualTo(250);
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
        assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo(MESSAGE.subject());
    }

    @Test
    void tls_to_a_plain_text_port_fails_with_a_hint_and_sends_nothing() throws Exception {
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTP);

        Attempt a = sender(LOOPBACK, mail.getSmtp().getPort(), SmtpSecurity.TLS, GreenMailTls.server().pem(),
                Map.of()).send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.FAILED);
        assertThat(a.reason()).endsWith("does not speak TLS from the first byte; for a submission port (587, 25)"
                + " use security: starttls");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_login_the_server_accepts_delivers_and_a_wrong_password_fails_with_535_never_showing_it()
            throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String password = randomPassword(random);
        String wrong = randomPassword(random);
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTPS);
        mail.setUser("oncall@example.com", "oncall-robot", password);
        ListAppender<ILoggingEvent> log = captureOurLog();
        try {
            Map<String, String> right = Map.of("SMTP_USER", "oncall-robot", "SMTP_PASSWORD", password);
            Map<String, String> bad = Map.of("SMTP_USER", "oncall-robot", "SMTP_PASSWORD", wrong);
            EmailSender good = sender(LOOPBACK, mail.getSmtps().getPort(), SmtpSecurity.TLS,
                    GreenMailTls.server().pem(), right);
            EmailSender refused = sender(LOOPBACK, mail.getSmtps().getPort(), SmtpSecurity.TLS,
                    GreenMailTls.server().pem(), bad);

            Attempt ok = good.send(MESSAGE);
            Attempt no = refused.send(MESSAGE);

            assertThat(ok.result()).as("seed %d: %s", seed, ok.reason()).isEqualTo(Result.DELIVERED);
            assertThat(no.result()).as("seed %d", seed).isEqualTo(Result.FAILED);
            assertThat(no.status()).as("seed %d", seed).isEqualTo(535);
            assertThat(no.reason()).as("seed %d", seed).startsWith("the mail server refused the login: 535");
            List<String> seen = new ArrayList<>(List.of(ok.toString(), no.toString(), good.preview(MESSAGE),
                    refused.preview(MESSAGE)));
            log.list.forEach(e -> seen.add(e.getFormattedMessage()));
            assertThat(log.list).as("our log lines").isNotEmpty();
            for (String secret : List.of(password, wrong)) {
                for (String form : forms(secret)) {
                    assertThat(seen).as("seed %d", seed).noneMatch(s -> s.contains(form));
                    assertThat(filesHolding(form, dir, GreenMailTls.server().pem().getParent()))
                            .as("seed %d", seed).isEmpty();
                }
            }
        } finally {
            releaseOurLog(log);
        }
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
    }

    @Test
    void a_server_that_is_down_is_worth_a_retry() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            closedPort = s.getLocalPort();
        }

        Attempt a = sender(LOOPBACK, closedPort, SmtpSecurity.STARTTLS, null, Map.of()).send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.RETRY);
        assertThat(a.reason()).isEqualTo("nothing answered at " + LOOPBACK + ":" + closedPort
                + " (connection refused)");
    }

    @ParameterizedTest
    @EnumSource(value = SmtpSecurity.class, names = {"TLS", "STARTTLS"})
    void a_server_certificate_not_in_ca_file_fails_with_a_sentence_and_sends_nothing(SmtpSecurity security)
            throws Exception {
        TestCertificates.Issued other = TestCertificates.issue(dir, "other-ca", "ip:127.0.0.1,dns:localhost");
        GreenMail mail = start(security == SmtpSecurity.TLS ? ServerSetup.PROTOCOL_SMTPS : ServerSetup.PROTOCOL_SMTP);
        try (StartTlsGateway gateway = new StartTlsGateway(GreenMailTls.server().serverContext(),
                mail.getSmtp() == null ? 0 : mail.getSmtp().getPort())) {
            int port = security == SmtpSecurity.TLS ? mail.getSmtps().getPort() : gateway.port();

            Attempt a = sender(LOOPBACK, port, security, other.pem(), Map.of()).send(MESSAGE);

            assertThat(a.result()).isEqualTo(Result.FAILED);
            assertThat(a.reason()).isEqualTo("the mail server's certificate is not trusted: it is not signed by a"
                    + " certificate in ca_file " + other.pem() + "; set ca_file to the PEM file of the authority that"
                    + " signed it");
            assertThat(gateway.upgrades()).isEmpty();
        }
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void without_ca_file_a_self_signed_server_is_checked_against_the_jvm_authorities_and_refused() throws Exception {
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTPS);

        Attempt a = sender(LOOPBACK, mail.getSmtps().getPort(), SmtpSecurity.TLS, null, Map.of()).send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.FAILED);
        assertThat(a.reason()).isEqualTo("the mail server's certificate is not trusted; set ca_file to the PEM file"
                + " of the certificate authority that signed it");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_trusted_certificate_issued_for_another_name_is_refused() throws Exception {
        TestCertificates.Issued elsewhere = TestCertificates.issue(dir, "elsewhere", "dns:mail.example.org");
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTP);
        try (StartTlsGateway gateway = new StartTlsGateway(elsewhere.serverContext(), mail.getSmtp().getPort())) {

            Attempt a = sender(LOOPBACK, gateway.port(), SmtpSecurity.STARTTLS, elsewhere.pem(), Map.of())
                    .send(MESSAGE);

            assertThat(a.result()).isEqualTo(Result.FAILED);
            assertThat(a.reason()).isEqualTo("the mail server's certificate is not issued for " + LOOPBACK
                    + "; set host to a name the certificate carries");
        }
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void plain_text_goes_to_a_loopback_host_only() throws Exception {
        GreenMail mail = start(ServerSetup.PROTOCOL_SMTP);

        Attempt local = sender(LOOPBACK, mail.getSmtp().getPort(), SmtpSecurity.NONE, null, Map.of()).send(MESSAGE);
        Attempt remote = sender("mail.example.org", 25, SmtpSecurity.NONE, null, Map.of()).send(MESSAGE);

        assertThat(local.result()).as(local.reason()).isEqualTo(Result.DELIVERED);
        assertThat(remote.result()).isEqualTo(Result.FAILED);
        assertThat(remote.reason()).isEqualTo("security: none sends the mail and the login in plain text, so it is"
                + " only for a loopback host (localhost, 127.0.0.1, ::1), not mail.example.org; use starttls or tls");
        assertThat(mail.getReceivedMessages()).hasSize(TO.size());
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
        assertThat(Senders.create(channel("smtp.example.com", 587, SmtpSecurity.STARTTLS, null), (c, w, e) ->
                Optional.empty())).isInstanceOf(EmailSender.class);
    }

    private GreenMail start(String protocol) {
        GreenMailTls.server();
        GreenMail mail = new GreenMail(new ServerSetup(0, LOOPBACK, protocol).dynamicPort());
        servers.add(mail);
        mail.start();
        return mail;
    }

    private static EmailSender sender(String host, int port, SmtpSecurity security, Path ca, Map<String, String> env) {
        NotifyChannel channel = env.isEmpty() ? channel(host, port, security, ca)
                : new NotifyChannel("mail", ChannelKind.EMAIL, 12, null, null, new SmtpSettings(host, port,
                security, "oncall@example.com", TO, "SMTP_USER", "SMTP_PASSWORD", ca));
        return new EmailSender(channel, (ch, what, name) -> Optional.ofNullable(env.get(name)));
    }

    private static NotifyChannel channel(String host, int port, SmtpSecurity security, Path ca) {
        return new NotifyChannel("mail", ChannelKind.EMAIL, 12, null, null,
                new SmtpSettings(host, port, security, "oncall@example.com", TO, null, null, ca));
    }

    private static String randomPassword(Random random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!%";
        StringBuilder s = new StringBuilder("pw");
        for (int i = 0; i < 22; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static List<String> forms(String secret) {
        return List.of(secret, Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> filesHolding(String text, Path... roots) throws IOException {
        List<Path> found = new ArrayList<>();
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                            .contains(new String(needle, StandardCharsets.ISO_8859_1))) {
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
