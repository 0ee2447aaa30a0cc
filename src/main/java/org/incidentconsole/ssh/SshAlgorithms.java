package org.incidentconsole.ssh;

import java.util.ArrayList;
import java.util.List;
import com.hierynomus.sshj.key.KeyAlgorithm;
import com.hierynomus.sshj.key.KeyAlgorithms;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.signature.Signature;
import net.schmizz.sshj.signature.SignatureRSA;

/**
 * Only modern ciphers and MACs: sshj's own default still offers CBC modes, Blowfish, 3DES, RC4 and MD5/SHA-1
 * MACs, which a production console has no business negotiating. AES-GCM first (the JDK runs it on AES
 * instructions); the order made no measurable difference to the Redis-tunnel benchmark.
 */
final class SshAlgorithms {
    private static final List<String> CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
            "chacha20-poly1305@openssh.com", "aes128-ctr", "aes256-ctr");
    private static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com",
            "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512");

    private SshAlgorithms() {
    }

    static void apply(DefaultConfig config) {
        config.setCipherFactories(pick(config.getCipherFactories(), CIPHERS));
        config.setMACFactories(pick(config.getMACFactories(), MACS));
        config.setKeyAlgorithms(certificatesFirst(config.getKeyAlgorithms()));
        // sshj's own check of a host certificate ends the key exchange with a bare error before our verifier
        // sees the key; HostCertificateCheck makes the whole check (CA, type, principals, validity, revocation)
        config.setVerifyHostKeyCertificates(false);
    }

    /**
     * Certificate algorithms first, as OpenSSH orders HostKeyAlgorithms (a server offers a certificate only when it
     * has one), with SHA-2 RSA certificate algorithms that sshj lacks: OpenSSH 8.8+ refuses SHA-1
     * {@code ssh-rsa-cert-v01}, for host keys and user keys alike. Plain algorithms keep their order after them.
     */
    static List<Factory.Named<KeyAlgorithm>> certificatesFirst(List<Factory.Named<KeyAlgorithm>> configured) {
        List<Factory.Named<KeyAlgorithm>> certificates = new ArrayList<>();
        List<Factory.Named<KeyAlgorithm>> plain = new ArrayList<>();
        for (Factory.Named<KeyAlgorithm> f : configured) {
            boolean certificate = f instanceof KeyAlgorithms.Factory k && k.getKeyType().getParent() != null;
            if (certificate && k(f).getKeyType() == KeyType.RSA_CERT) {
                certificates.add(rsaCertificate("rsa-sha2-512-cert-v01@openssh.com", "SHA512withRSA", "rsa-sha2-512"));
                certificates.add(rsaCertificate("rsa-sha2-256-cert-v01@openssh.com", "SHA256withRSA", "rsa-sha2-256"));
            }
            (certificate ? certificates : plain).add(f);
        }
        certificates.addAll(plain);
        return certificates;
    }

    private static KeyAlgorithms.Factory k(Factory.Named<KeyAlgorithm> f) {
        return (KeyAlgorithms.Factory) f;
    }

    private static KeyAlgorithms.Factory rsaCertificate(String name, String jca, String signatureName) {
        Factory.Named<Signature> signature = new Factory.Named<>() {
            @Override
            public Signature create() {
                // RSA_CERT: the signature is checked with the key inside the certificate
                return new SignatureRSA(jca, KeyType.RSA_CERT, signatureName);
            }

            @Override
            public String getName() {
                return signatureName;
            }
        };
        return new KeyAlgorithms.Factory(name, signature, KeyType.RSA_CERT);
    }

    private static <T> List<Factory.Named<T>> pick(List<Factory.Named<T>> available, List<String> order) {
        List<Factory.Named<T>> chosen = new ArrayList<>();
        for (String name : order) {
            available.stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(chosen::add);
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("none of " + order + " is available in this sshj");
        }
        return chosen;
    }
}
