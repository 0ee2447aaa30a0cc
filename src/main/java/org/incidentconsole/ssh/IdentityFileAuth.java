package org.incidentconsole.ssh;

import java.io.IOException;
import java.nio.file.Path;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthPublickey;

/** "publickey" authentication with an identity file, able to say which key it offered once it was accepted. */
final class IdentityFileAuth extends AuthPublickey implements DescribedKey {
    private final Path file;

    IdentityFileAuth(KeyProvider key, Path file) {
        super(key);
        this.file = file;
    }

    /** The key's type and fingerprint and the file it came from; only the public half is read. */
    @Override
    public String describeKey() {
        try {
            return "key " + KeyFingerprint.type(kProv.getPublic()) + " " + KeyFingerprint.sha256(kProv.getPublic())
                    + " (" + file + ")";
        } catch (IOException e) {
            return "key " + file;
        }
    }
}
