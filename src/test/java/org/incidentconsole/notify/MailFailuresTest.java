package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.incidentconsole.inventory.SmtpSecurity;
import org.incidentconsole.inventory.SmtpSettings;
import org.incidentconsole.notify.Attempt.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each SMTP refusal means (the reply rows of {@link MailFailures}), on Jakarta Mail's own exception types as
 * its SMTP transport throws them; and which hosts count as loopback for {@code security: none}.
 */
class MailFailuresTest {
    private static final SmtpSettings SMTP = new SmtpSettings("smtp.example.com", 587, SmtpSecurity.STARTTLS,
            "oncall@example.com", List.of("incidents@example.com"), null, null, null);

    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            421 | 4.7.0 closing connection, too many errors | DATA        | RETRY  | the mail server is closing the connection
            450 | 4.2.0 mailbox busy                       | RCPT        | RETRY  | the mail server asked to try later
            451 | 4.3.0 local error, try again             | DATA        | RETRY  | the mail server asked to try later
            452 | 4.3.1 insufficient system storage        | MAIL        | RETRY  | the mail server asked to try later
            530 | 5.7.0 authentication required            | MAIL        | FAILED | the mail server wants a login (set user_env and password_env)
            535 | 5.7.8 authentication credentials invalid | AUTH        | FAILED | the mail server refused the login
            550 | 5.1.1 mailbox unavailable                | RCPT        | FAILED | the mail server refused a sender or recipient
            550 | 5.7.1 relaying denied                    | RCPT        | FAILED | the mail server refused a sender or recipient
            553 | 5.7.1 sender address rejected            | MAIL        | FAILED | the mail server refused a sender or recipient
            554 | 5.7.1 message rejected as spam           | DATA        | FAILED | the mail server refused the message
            """)
    void a_reply_code_decides_between_retry_and_failed(int code, String words, String command, Result result,
                                                       String what) throws Exception {
        String line = code + " " + words;
        MessagingException thrown = switch (command) {
            case "AUTH" -> new AuthenticationFailedException(line);
            case "RCPT" -> new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                    new InternetAddress("incidents@example.com"), "RCPT TO:<incidents@example.com>", code, line));
            default -> new SMTPSendFailedException(command, code, line, null, null, null, null);
        };

        Attempt a = MailFailures.attempt(thrown, SMTP);

        assertThat(a.result()).isEqualTo(result);
        assertThat(a.status()).isEqualTo(code);
        assertThat(a.reason()).isEqualTo(what + ": " + line);
    }

    @Test
    void a_name_that_does_not_resolve_and_a_silent_server_are_worth_a_retry() {
        Attempt dns = MailFailures.attempt(new MessagingException("Unknown SMTP host: smtp.example.com",
                new UnknownHostException("smtp.example.com")), SMTP);
        Attempt silent = MailFailures.attempt(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out")), SMTP);

        assertThat(dns).isEqualTo(Attempt.retry(null, "the mail server's name smtp.example.com does not resolve",
                null));
        assertThat(silent).isEqualTo(Attempt.retry(null, "smtp.example.com:587 did not answer within 10 s", null));
    }

    @ParameterizedTest(name = "{0} loopback: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            localhost        | true
            LOCALHOST        | true
            127.0.0.1        | true
            127.1.2.3        | true
            ::1              | true
            [::1]            | true
            0:0:0:0:0:0:0:1  | true
            smtp.example.com | false
            localhost.evil   | false
            10.0.0.1         | false
            192.168.1.25     | false
            ::ffff:10.0.0.1  | false
            0.0.0.0          | false
            """)
    void plain_text_is_allowed_for_loopback_hosts_only_by_their_own_words(String host, boolean loopback) {
        assertThat(SmtpProperties.isLoopback(host)).isEqualTo(loopback);
    }
}
