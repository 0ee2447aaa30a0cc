package org.incidentconsole.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;

/**
 * Whether a host certificate signed by a trusted CA may stand for a host, as OpenSSH's check_host_cert and
 * sshkey_cert_check_authority decide: a host (not user) certificate, a principal matching a name the host goes
 * by, inside its validity window, no critical option, and the CA's signature correct. Revocation is checked
 * before, by the store.
 */
final class HostCertificateCheck {
    private static final long HOST_CERTIFICATE = 2;

    private HostCertificateCheck() {
    }

    /** Null when the certificate is good for one of {@code names}, else the one-sentence reason it is not. */
    static String problem(Certificate<?> cert, Collection<String> names, Instant now) {
        if (cert.getType() != HOST_CERTIFICATE) {
            return "it is a user certificate, not a host certificate (id \"" + cert.getId() + "\")";
        }
        List<String> principals = cert.getValidPrincipals() == null ? List.of() : cert.getValidPrincipals();
        if (principals.isEmpty()) {
            return "it names no principal (OpenSSH refuses a host certificate valid for any host)";
        }
        boolean named = principals.stream().anyMatch(p -> names.stream()
                .anyMatch(n -> KeyType.CertUtils.matchPattern(n.toLowerCase(Locale.ROOT), p)));
        if (!named) {
            return "it is for " + String.join(", ", principals) + ", not for " + String.join(" or ", names);
        }
        Date after = cert.getValidAfter();
        Date before = cert.getValidBefore();
        if (after != null && now.isBefore(after.toInstant())) {
            return "it is not valid before " + after.toInstant();
        }
        if (before != null && !now.isBefore(before.toInstant())) {
            return "it expired at " + before.toInstant();
        }
        if (cert.getCritOptions() != null && !cert.getCritOptions().isEmpty()) {
            return "it has critical options a host certificate cannot have: " + cert.getCritOptions().keySet();
        }
        return signedByItsCa(cert) ? null : "the CA's signature on it does not verify";
    }

    /** Verifies the CA's signature over the certificate (everything before the signature field). */
    private static boolean signedByItsCa(Certificate<?> cert) {
        try {
            byte[] raw = new Buffer.PlainBuffer().putPublicKey(cert).getCompactData();
            String algorithm = new Buffer.PlainBuffer(cert.getSignature()).readString();
            Signature signature = Factory.Named.Util.create(KeyType.CertUtils.ALL_SIGNATURES, algorithm);
            if (signature == null) {
                return false;
            }
            signature.initVerify(new Buffer.PlainBuffer(cert.getSignatureKey()).readPublicKey());
            signature.update(raw, 0, raw.length - cert.getSignature().length - 4);
            return signature.verify(cert.getSignature());
        } catch (Buffer.BufferException | SSHRuntimeException e) {
            return false;
        }
    }
}
