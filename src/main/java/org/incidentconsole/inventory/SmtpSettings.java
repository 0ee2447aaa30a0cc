package org.incidentconsole.inventory;

import java.nio.file.Path;
import java.util.List;

/**
 * An e-mail channel's server and envelope. {@code userEnv}/{@code passwordEnv} name environment variables (null:
 * no login); {@code caFile}: a PEM file of the certificate authority to trust for this server (null: the JVM's).
 */
public record SmtpSettings(String host, int port, SmtpSecurity security, String from, List<String> to,
                           String userEnv, String passwordEnv, Path caFile) {
    public SmtpSettings {
        to = List.copyOf(to);
    }
}
