package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The host-key algorithms asked for first, by the keys on record for a host (OpenSSH's order_hostkeyalgs). */
class KnownAlgorithmsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rsa                       | rsa-sha2-512 rsa-sha2-256 ssh-rsa
            ecdsa                     | ecdsa-sha2-nistp256
            ed25519                   | ssh-ed25519
            ed25519 rsa               | ssh-ed25519 rsa-sha2-512 rsa-sha2-256 ssh-rsa
            @revoked:rsa ed25519      | ssh-ed25519
            @revoked:rsa              | ''
            other-host:rsa ecdsa      | ecdsa-sha2-nistp256
            """)
    void keys_on_record_choose_the_algorithms_asked_for_first(String entries, String expected) throws Exception {
        StringBuilder file = new StringBuilder();
        for (String entry : entries.split(" ")) {
            String[] parts = entry.split(":");
            String type = parts[parts.length - 1];
            String prefix = parts.length == 1 ? "" : parts[0].equals("other-host") ? "" : parts[0] + " ";
            String host = parts.length > 1 && parts[0].equals("other-host") ? "[10.0.0.9]:2222" : "[127.0.0.1]:2222";
            Path key = TestKeys.generate(dir, "k_" + type + "_" + file.length(), type, "", "OPENSSH");
            String[] pub = Files.readString(TestKeys.publicKey(key)).trim().split("\\s+");
            file.append(prefix).append(host).append(' ').append(pub[0]).append(' ').append(pub[1]).append('\n');
        }
        Path user = dir.resolve("known_hosts");
        Files.writeString(user, file);

        List<String> algorithms = new HostKeyStore(user, dir.resolve("app_known_hosts"))
                .knownAlgorithms("127.0.0.1", 2222);

        assertThat(algorithms).isEqualTo(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }
}
