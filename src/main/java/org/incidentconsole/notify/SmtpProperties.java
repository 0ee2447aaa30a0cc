package org.incidentconsole.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.incidentconsole.inventory.SmtpSecurity;
import org.incidentconsole.inventory.SmtpSettings;

/**
 * The Jakarta Mail session of one e-mail channel. STARTTLS is required (never a fall-back to plain text), TLS
 * speaks TLS from the first byte, and plain text is only for a loopback host. The server's name is always checked
 * against its certificate; the certificate is checked against {@code ca_file} when set, else the JVM's CAs.
 */
final class SmtpProperties {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SmtpProperties() {
    }

    /** @param socketFactory the TLS sockets trusting {@code ca_file}; null for the JVM's trusted CAs */
    static Properties of(SmtpSettings smtp, boolean login, SSLSocketFactory socketFactory)
            throws EmailSetupException {
        Properties p = new Properties();
        String millis = Long.toString(TIMEOUT.toMillis());
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.from", smtp.from());
        p.put("mail.smtp.auth", Boolean.toString(login));
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        p.put("mail.debug", "false");
        switch (smtp.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> {
                if (!isLoopback(smtp.host())) {
                    throw new EmailSetupException("security: none sends the mail and the login in plain text, so it"
                            + " is only for a loopback host (localhost, 127.0.0.1, ::1), not " + smtp.host()
                            + "; use starttls or tls");
                }
            }
        }
        if (smtp.security() != SmtpSecurity.NONE) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            if (socketFactory != null) {
                p.put("mail.smtp.ssl.socketFactory", socketFactory);
            }
        }
        return p;
    }

    /** Loopback by its own words only: {@code localhost} or a loopback address literal; no name is looked up. */
    static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        boolean literal = h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (h.contains(":") && h.matches("[0-9a-f:.]+"));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
