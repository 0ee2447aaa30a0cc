package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.notify.MailServers.LOOPBACK;
import static org.incidentconsole.notify.MailServers.MESSAGE;
import static org.incidentconsole.notify.MailServers.sender;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import org.incidentconsole.inventory.SmtpSecurity;
import org.incidentconsole.notify.Attempt.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whom an e-mail channel trusts: only ca_file's certificates (or the JVM's), for the host's own name. */
class EmailTrustTest {
    @TempDir
    Path dir;
    private final MailServers servers = new MailServers();

    @AfterEach
    void stopServers() {
        servers.close();
    }

    @ParameterizedTest
    @EnumSource(value = SmtpSecurity.class, names = {"TLS", "STARTTLS"})
    void a_server_certificate_not_in_ca_file_fails_with_a_sentence_and_sends_nothing(SmtpSecurity security)
            throws Exception {
        TestCertificates.Issued other = TestCertificates.issue(dir, "other-ca", "ip:127.0.0.1,dns:localhost");
        boolean tls = security == SmtpSecurity.TLS;
        GreenMail mail = servers.start(tls ? ServerSetup.PROTOCOL_SMTPS : ServerSetup.PROTOCOL_SMTP);
        try (StartTlsGateway gateway = new StartTlsGateway(GreenMailTls.server().serverContext(),
                tls ? mail.getSmtps().getPort() : mail.getSmtp().getPort())) {
            int port = tls ? mail.getSmtps().getPort() : gateway.port();

            Attempt a = sender(LOOPBACK, port, security, other.pem()).send(MESSAGE);

            assertThat(a.result()).isEqualTo(Result.FAILED);
            assertThat(a.reason()).isEqualTo("the mail server's certificate is not trusted: it is not signed by a"
                    + " certificate in ca_file " + other.pem() + "; set ca_file to the PEM file of the authority that"
                    + " signed it");
            assertThat(gateway.upgrades()).isEmpty();
        }
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void without_ca_file_a_self_signed_server_is_checked_against_the_jvm_authorities_and_refused()
            throws Exception {
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTPS);

        Attempt a = sender(LOOPBACK, mail.getSmtps().getPort(), SmtpSecurity.TLS, null).send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.FAILED);
        assertThat(a.reason()).isEqualTo("the mail server's certificate is not trusted; set ca_file to the PEM file"
                + " of the certificate authority that signed it");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_trusted_certificate_issued_for_another_name_is_refused() throws Exception {
        TestCertificates.Issued elsewhere = TestCertificates.issue(dir, "elsewhere", "dns:mail.example.org");
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTP);
        try (StartTlsGateway gateway = new StartTlsGateway(elsewhere.serverContext(), mail.getSmtp().getPort())) {

            Attempt a = sender(LOOPBACK, gateway.port(), SmtpSecurity.STARTTLS, elsewhere.pem()).send(MESSAGE);

            assertThat(a.result()).isEqualTo(Result.FAILED);
            assertThat(a.reason()).isEqualTo("the mail server's certificate is not issued for " + LOOPBACK
                    + "; set host to a name the certificate carries");
        }
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void tls_to_a_plain_text_port_fails_with_a_hint_and_sends_nothing() throws Exception {
        GreenMail mail = servers.start(ServerSetup.PROTOCOL_SMTP);

        Attempt a = sender(LOOPBACK, mail.getSmtp().getPort(), SmtpSecurity.TLS, GreenMailTls.server().pem())
                .send(MESSAGE);

        assertThat(a.result()).isEqualTo(Result.FAILED);
        assertThat(a.reason()).endsWith("does not speak TLS from the first byte; for a submission port (587, 25)"
                + " use security: starttls");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }
}
