package org.incidentconsole.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS sockets of an e-mail channel whose inventory names a {@code ca_file}: they trust the certificates of that
 * PEM file and nothing else. Never a trust-all manager; the host name is checked by Jakarta Mail on top.
 */
final class MailTrust {
    private MailTrust() {
    }

    static SSLSocketFactory fromPem(Path caFile) throws EmailSetupException {
        Path file = expandHome(caFile);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new EmailSetupException("ca_file " + file + " does not exist");
        } catch (IOException e) {
            throw new EmailSetupException("ca_file " + file + " cannot be read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new EmailSetupException("ca_file " + file + " is not a PEM file of certificates");
        }
        if (certificates.isEmpty()) {
            throw new EmailSetupException("ca_file " + file + " holds no PEM certificate");
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (Certificate c : certificates) {
                anchors.setCertificateEntry("ca-" + n++, c);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new EmailSetupException("the certificates of ca_file " + file + " cannot be used: " + e.getMessage());
        }
    }

    private static Path expandHome(Path file) {
        if (file.getNameCount() > 0 && file.getName(0).toString().equals("~")) {
            Path home = Path.of(System.getProperty("user.home"));
            return file.getNameCount() == 1 ? home : home.resolve(file.subpath(1, file.getNameCount()));
        }
        return file;
    }
}
