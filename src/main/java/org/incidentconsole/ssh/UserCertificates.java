package org.incidentconsole.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * User certificates beside identity files, offered as OpenSSH does: the certificate first ({@code <key>-cert.pub},
 * or a CertificateFile), then the plain key, so a server that trusts the CA and one that lists the key in
 * authorized_keys both accept. An RSA certificate is signed with rsa-sha2-512 (see {@link SshAlgorithms}).
 */
final class UserCertificates {
    private UserCertificates() {
    }

    /**
     * What to offer for an identity file, in order: the CertificateFile certificates made for this key (those of
     * other keys are left out: their signature would fail and use up the server's MaxAuthTries), then the one
     * beside it, then the plain key.
     */
    static List<KeyProvider> offers(KeyProvider loaded, Path identityFile, List<Certificate<?>> certificates)
            throws IOException {
        List<KeyProvider> offers = new ArrayList<>();
        Path beside = Path.of(identityFile + "-cert.pub");
        boolean besideExists = Files.isRegularFile(beside);
        // sshj reads <key>-cert.pub itself when it exists: then the loaded key's public half is the certificate
        PublicKey loadedPublic = besideExists ? loaded.getPublic() : null;
        KeyProvider plain = loadedPublic instanceof Certificate<?> ? plain(loaded) : loaded;
        for (Certificate<?> cert : forKey(certificates, plain.getPublic())) {
            offers.add(withCertificate(plain, cert));
        }
        if (loadedPublic instanceof Certificate<?>) {
            offers.add(loaded);
        } else if (besideExists) {
            offers.add(withCertificate(plain, read(beside)));
        }
        offers.add(plain);
        return offers;
    }

    /** The certificates among {@code certificates} whose key is {@code key}. */
    static List<Certificate<?>> forKey(List<Certificate<?>> certificates, PublicKey key) {
        byte[] wanted = blob(key);
        return certificates.stream().filter(c -> Arrays.equals(blob(c.getKey()), wanted)).toList();
    }

    /** A public key in SSH wire form: keys read by different providers compare equal this way. */
    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** The certificate in an OpenSSH {@code -cert.pub} file ("type base64 comment"). */
    static Certificate<?> read(Path file) throws IOException {
        String[] fields = Files.readString(file).trim().split("\\s+");
        try {
            PublicKey key = new Buffer.PlainBuffer(Base64.getDecoder().decode(fields[1])).readPublicKey();
            if (key instanceof Certificate<?> cert) {
                return cert;
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | Buffer.BufferException e) {
            throw new IOException(file + " is not an OpenSSH certificate: " + e.getMessage(), e);
        }
        throw new IOException(file + " holds a plain key, not a certificate");
    }

    private static KeyProvider withCertificate(KeyProvider key, Certificate<?> cert) {
        return provider(key, cert);
    }

    private static KeyProvider plain(KeyProvider certified) throws IOException {
        return provider(certified, ((Certificate<?>) certified.getPublic()).getKey());
    }

    private static KeyProvider provider(KeyProvider privateHalf, PublicKey publicHalf) {
        return new KeyProvider() {
            @Override
            public PrivateKey getPrivate() throws IOException {
                return privateHalf.getPrivate();
            }

            @Override
            public PublicKey getPublic() {
                return publicHalf;
            }

            @Override
            public KeyType getType() {
                return KeyType.fromKey(publicHalf);
            }
        };
    }
}
