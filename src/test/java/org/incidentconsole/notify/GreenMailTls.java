package org.incidentconsole.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GreenMail's TLS key for this JVM: GreenMail reads its key store once per JVM from system properties, on its
 * first TLS server, so every mail test takes the key from here. The certificate names 127.0.0.1 and localhost.
 */
final class GreenMailTls {
    private static final TestCertificates.Issued SERVER = issue();

    private GreenMailTls() {
    }

    /** The certificate GreenMail's SMTPS presents; call before starting a GreenMail with SMTPS. */
    static TestCertificates.Issued server() {
        return SERVER;
    }

    private static TestCertificates.Issued issue() {
        try {
            Path dir = Files.createTempDirectory("greenmail-tls");
            dir.toFile().deleteOnExit();
            TestCertificates.Issued issued = TestCertificates.issue(dir, "greenmail", "ip:127.0.0.1,dns:localhost");
            issued.keyStore().toFile().deleteOnExit();
            issued.pem().toFile().deleteOnExit();
            System.setProperty("greenmail.tls.keystore.file", issued.keyStore().toString());
            System.setProperty("greenmail.tls.keystore.password", TestCertificates.STORE_PASSWORD);
            return issued;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make GreenMail's test certificate", e);
        }
    }
}
