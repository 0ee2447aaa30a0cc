package org.incidentconsole.notify;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.incidentconsole.inventory.SmtpSettings;
import org.incidentconsole.notify.Attempt.Result;

/**
 * What a failed SMTP try means for the operator, as rows: the first row whose test holds for the exception or one
 * of its causes gives the result and the sentence. Then the server's reply code: 4xx is worth a retry, 5xx is not.
 * Never a stack trace; the caller scrubs the sentence of the channel's secrets.
 */
final class MailFailures {
    /** One kind of failure: which exception in the chain shows it, and what it means. */
    record Row(Predicate<Throwable> shows, Result result, Function<SmtpSettings, String> sentence) {
    }

    /** One range of SMTP reply codes and what the refusal was, before the server's own words. */
    record Reply(int from, int to, Result result, String what) {
    }

    static final List<Row> ROWS = List.of(
            new Row(t -> t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || reason(t, CertPathValidatorException.BasicReason.EXPIRED)
                    || reason(t, CertPathValidatorException.BasicReason.NOT_YET_VALID), Result.FAILED,
                    s -> "the mail server's certificate is out of its validity dates; renew it on " + s.host()),
            new Row(t -> t instanceof CertPathBuilderException || t instanceof CertPathValidatorException,
                    Result.FAILED, s -> s.caFile() == null
                            ? "the mail server's certificate is not trusted; set ca_file to the PEM file of the"
                            + " certificate authority that signed it"
                            : "the mail server's certificate is not trusted: it is not signed by a certificate in"
                            + " ca_file " + s.caFile() + "; set ca_file to the PEM file of the authority that"
                            + " signed it"),
            new Row(t -> t instanceof CertificateException, Result.FAILED,
                    s -> "the mail server's certificate is not issued for " + s.host()
                            + "; set host to a name the certificate carries"),
            new Row(t -> t instanceof SSLException && says(t, "unrecognized ssl message"), Result.FAILED,
                    s -> s.host() + ":" + s.port() + " does not speak TLS from the first byte; for a submission"
                            + " port (587, 25) use security: starttls"),
            new Row(t -> t instanceof SSLException, Result.FAILED,
                    s -> "TLS with " + s.host() + ":" + s.port() + " failed"),
            new Row(t -> t instanceof MessagingException && says(t, "starttls is required"), Result.FAILED,
                    s -> s.host() + ":" + s.port() + " does not offer STARTTLS and security: starttls never sends"
                            + " in plain text; use tls if the port speaks TLS from the first byte"),
            new Row(t -> t instanceof UnknownHostException, Result.RETRY,
                    s -> "the mail server's name " + s.host() + " does not resolve"),
            new Row(t -> t instanceof ConnectException, Result.RETRY,
                    s -> "nothing answered at " + s.host() + ":" + s.port() + " (connection refused)"),
            new Row(t -> t instanceof SocketTimeoutException, Result.RETRY,
                    s -> s.host() + ":" + s.port() + " did not answer within "
                            + SmtpProperties.TIMEOUT.toSeconds() + " s"),
            new Row(t -> t instanceof IOException, Result.RETRY,
                    s -> "the connection to " + s.host() + ":" + s.port() + " broke"));

    static final List<Reply> REPLIES = List.of(
            new Reply(421, 421, Result.RETRY, "the mail server is closing the connection"),
            new Reply(400, 499, Result.RETRY, "the mail server asked to try later"),
            new Reply(530, 530, Result.FAILED, "the mail server wants a login (set user_env and password_env)"),
            new Reply(534, 535, Result.FAILED, "the mail server refused the login"),
            new Reply(550, 553, Result.FAILED, "the mail server refused a sender or recipient"),
            new Reply(500, 599, Result.FAILED, "the mail server refused the message"));

    private static final Pattern CODE = Pattern.compile("^\\s*([2-5][0-9][0-9])[ -]?(.*)", Pattern.DOTALL);

    private MailFailures() {
    }

    static Attempt attempt(MessagingException failure, SmtpSettings smtp) {
        List<Throwable> chain = chain(failure);
        for (Row row : ROWS) {
            if (chain.stream().anyMatch(row.shows())) {
                String sentence = row.sentence().apply(smtp);
                return row.result() == Result.RETRY ? Attempt.retry(null, sentence, null)
                        : Attempt.failed(null, sentence);
            }
        }
        for (Throwable t : chain) {
            Integer code = code(t);
            if (code == null) {
                continue;
            }
            String words = oneLine(t.getMessage());
            for (Reply r : REPLIES) {
                if (code >= r.from() && code <= r.to()) {
                    String reason = r.what() + ": " + words;
                    return r.result() == Result.RETRY ? Attempt.retry(code, reason, null)
                            : Attempt.failed(code, reason);
                }
            }
        }
        return Attempt.failed(null, "sending to " + smtp.host() + ":" + smtp.port() + " failed: "
                + oneLine(failure.getMessage()));
    }

    /** The SMTP reply code the exception carries, in its type or at the start of its message; else null. */
    static Integer code(Throwable t) {
        if (t instanceof SMTPSendFailedException f && f.getReturnCode() > 0) {
            return f.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException f && f.getReturnCode() > 0) {
            return f.getReturnCode();
        }
        if (t instanceof MessagingException && t.getMessage() != null) {
            Matcher m = CODE.matcher(t.getMessage());
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }

    static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = failure; t != null && !out.contains(t) && out.size() < 20; t = t.getCause()) {
            out.add(t);
        }
        return out;
    }

    private static boolean says(Throwable t, String words) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words);
    }

    private static boolean reason(Throwable t, CertPathValidatorException.Reason reason) {
        return t instanceof CertPathValidatorException v && v.getReason() == reason;
    }
}
