package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of a host certificate's check that no server can be made to get wrong: the CA's signature. */
class HostCertificateCheckTest {
    @TempDir
    Path dir;

    @Test
    void a_certificate_whose_signature_was_altered_is_refused_and_the_original_accepted() throws Exception {
        Path ca = TestKeys.generate(dir, "ca");
        Path host = TestKeys.generate(dir, "host");
        TestKeys.run(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-q", "-s", ca.toString(), "-I", "h",
                "-h", "-n", "web-01", "-V", "-5m:+1h", TestKeys.publicKey(host).toString()));
        Certificate<?> good = UserCertificates.read(dir.resolve("host-cert.pub"));
        byte[] raw = new Buffer.PlainBuffer().putPublicKey(good).getCompactData();
        raw[raw.length - 1] ^= 0x01; // the last byte of the Ed25519 signature
        Certificate<?> altered = (Certificate<?>) new Buffer.PlainBuffer(raw).readPublicKey();

        assertThat(HostCertificateCheck.problem(good, List.of("web-01"), Instant.now())).isNull();
        assertThat(HostCertificateCheck.problem(altered, List.of("web-01"), Instant.now()))
                .isEqualTo("the CA's signature on it does not verify");
    }
}
