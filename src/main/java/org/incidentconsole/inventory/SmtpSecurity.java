package org.incidentconsole.inventory;

import java.util.Locale;

/** How an e-mail channel protects the SMTP session: STARTTLS on a plain port, TLS from the first byte, or none. */
public enum SmtpSecurity {
    STARTTLS, TLS, NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
