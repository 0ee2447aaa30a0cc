package org.incidentconsole.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.incidentconsole.testing.OpenSshServer;
import org.incidentconsole.testing.SshKit;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Host-key rows against a real OpenSSH sshd offering only the host keys a row names, each row checked twice:
 * through the console and through OpenSSH's own {@code ssh} with the same two known_hosts files (the user's,
 * then the console's), whose prompt is an askpass script that records being asked and answers "no". The two
 * must agree, and the console shows no trust prompt in any row.
 * <p>
 * Entries: {@code ed25519} is the server's own key of that type, {@code other-rsa} a key the server does not
 * have, {@code @revoked} a marker, {@code *} a host pattern (default {@code [127.0.0.1]:port}).
 */
class OpenSshHostKeyTableTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # row                           | sshd's host keys | user's known_hosts | console's known_hosts | verdict
            revoked (user), trusted (console) | ed25519       | @revoked ed25519            | ed25519          | REVOKED
            revoked (console), trusted (user) | ed25519       | ed25519                     | @revoked ed25519 | REVOKED
            revoked alone                     | ed25519       | @revoked ed25519            |                  | REVOKED
            revoked for any host (*)          | ed25519       | @revoked * ed25519          | ed25519          | REVOKED
            RSA known                         | ed25519 rsa   | rsa                         |                  | CONNECTED
            RSA wrong                         | ed25519 rsa   | other-rsa                   |                  | CHANGED
            ECDSA known                       | ed25519 ecdsa | ecdsa                       |                  | CONNECTED
            ECDSA wrong                       | ed25519 ecdsa | other-ecdsa                 |                  | CHANGED
            ed25519 known, only ECDSA offered | ecdsa         | other-ed25519               |                  | CHANGED
            ed25519 known, old RSA revoked    | ed25519 rsa   | @revoked other-rsa; ed25519 |                  | CONNECTED
            """)
    void host_keys_are_judged_as_openssh_judges_them(String row, String serverKeys, String userEntries,
                                                     String appEntries, String expected) throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (OpenSshServer sshd = OpenSshServer.start(Files.createDirectory(dir.resolve("sshd")),
                TestKeys.publicKey(key), List.of(serverKeys.split(" ")));
             SshKit kit = new SshKit(Files.createDirectory(dir.resolve("console")))) {
            Path userKnownHosts = dir.resolve("user_known_hosts");
            write(userKnownHosts, userEntries, sshd);
            write(kit.appKnownHosts, appEntries, sshd);
            kit.trustUnknown = false;

            String openssh = openSshVerdict(sshd, key, userKnownHosts, kit.appKnownHosts);
            SshConnection c = kit.connections(SshKit.FAST, kit.keys(userKnownHosts), null, PassphrasePrompt.NONE)
                    .connection(SshKit.host("openssh", sshd.port(), key));
            Throwable failure = null;
            try {
                c.connect().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            System.out.printf("host-key row '%s': console %s, OpenSSH %s%n", row, verdict(failure, kit), openssh);

            assertThat(kit.asked).as("trust prompts shown").isEmpty();
            assertThat(verdict(failure, kit)).isEqualTo(expected);
            assertThat(openssh).as("OpenSSH's own verdict on the same files").isEqualTo(expected);
            if (expected.equals("REVOKED")) {
                String presented = fingerprint(sshd.hostPublicKey("ed25519"));
                assertThat(failure.getMessage()).contains("openssh (127.0.0.1:" + sshd.port() + ") is REVOKED ("
                        + "ssh-ed25519 " + presented + "): refusing to connect")
                        .doesNotContainIgnoringCase("changed").doesNotContain("remove", "delete");
                assertThat(failure.getMessage().split(Pattern.quote(presented), -1)).as("fingerprint named once")
                        .hasSize(2);
                assertThat(c.status().state()).isEqualTo(ConnectionState.FAILED);
            } else if (expected.equals("CHANGED")) {
                HostKeyMismatchException mismatch = (HostKeyMismatchException) failure;
                String presentedType = serverKeys.endsWith("rsa") ? "rsa" : "ecdsa";
                assertThat(mismatch.presentedFingerprint())
                        .isEqualTo(fingerprint(sshd.hostPublicKey(presentedType)));
                assertThat(mismatch.knownFingerprints()).singleElement().isNotEqualTo(mismatch.presentedFingerprint());
                assertThat(mismatch.getMessage()).contains(mismatch.knownFingerprints().get(0),
                        mismatch.presentedFingerprint());
            } else {
                assertThat(c.isConnected()).isTrue();
            }
        }
    }

    private static String verdict(Throwable failure, SshKit kit) {
        if (failure == null) {
            return "CONNECTED";
        }
        if (failure instanceof HostKeyRevokedException) {
            return "REVOKED";
        }
        if (failure instanceof HostKeyMismatchException) {
            return "CHANGED";
        }
        return kit.asked.isEmpty() ? "FAILED: " + failure.getMessage() : "PROMPTED";
    }

    /** Runs OpenSSH's ssh with StrictHostKeyChecking=ask and an askpass that records and answers "no". */
    private String openSshVerdict(OpenSshServer sshd, Path key, Path userKnownHosts, Path appKnownHosts)
            throws Exception {
        Path asked = dir.resolve("askpass.log");
        Path askpass = dir.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho \"$*\" >> '" + asked + "'\necho no\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder pb = new ProcessBuilder(TestKeys.tool("ssh", "openssh-client"), "-F", "/dev/null",
                "-p", String.valueOf(sshd.port()), "-i", key.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "StrictHostKeyChecking=ask", "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "UserKnownHostsFile=" + userKnownHosts + " " + appKnownHosts, "-o", "UpdateHostKeys=no",
                "127.0.0.1", "echo connected")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("SSH_ASKPASS", askpass.toString());
        pb.environment().put("SSH_ASKPASS_REQUIRE", "force");
        pb.environment().put("DISPLAY", ":0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (Files.exists(asked)) {
            return "PROMPTED";
        }
        if (out.contains("REVOKED HOST KEY DETECTED")) {
            return "REVOKED";
        }
        if (out.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")) {
            return "CHANGED";
        }
        return p.exitValue() == 0 && out.contains("connected") ? "CONNECTED" : "FAILED: " + out;
    }

    private void write(Path file, String entries, OpenSshServer sshd) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries.split(";")) {
            List<String> words = new ArrayList<>(Arrays.asList(entry.trim().split("\\s+")));
            String marker = words.get(0).startsWith("@") ? words.remove(0) + " " : "";
            String hosts = words.size() > 1 ? words.remove(0) : "[127.0.0.1]:" + sshd.port();
            String ref = words.get(0);
            Path pub = ref.startsWith("other-")
                    ? TestKeys.publicKey(TestKeys.generate(dir, "other_" + lines.size() + "_" + file.getFileName(),
                            ref.substring("other-".length()), "", "OPENSSH"))
                    : sshd.hostPublicKey(ref);
            String[] fields = Files.readString(pub).trim().split("\\s+");
            lines.add(marker + hosts + " " + fields[0] + " " + fields[1]);
        }
        Files.write(file, lines);
    }

    private static String fingerprint(Path pub) throws Exception {
        return TestKeys.run(List.of(TestKeys.tool("ssh-keygen", "openssh-client"), "-l", "-E", "sha256", "-f",
                pub.toString())).split("\\s+")[1];
    }
}
