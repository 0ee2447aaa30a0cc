package org.incidentconsole.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** OpenSSH-style key descriptions: {@code SHA256:…} fingerprints and known_hosts key fields. */
public final class KeyFingerprint {
    private KeyFingerprint() {
    }

    public static String sha256(PublicKey key) {
        return sha256(blob(key));
    }

    public static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    public static String type(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** The "type base64" part of a known_hosts or authorized_keys line. */
    static String keyField(PublicKey key) {
        return type(key) + " " + Base64.getEncoder().encodeToString(blob(key));
    }
}
