package org.incidentconsole.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A non-root login whose sudoers entry needs its password (and asks it on every sudo: timestamp_timeout=0), for
 * tests against the OpenSSH fixture. Made with useradd/chpasswd and a file in /etc/sudoers.d, so the tests run as
 * root with sudo installed (CI installs it); the password is new on every run.
 */
public final class SudoTestUser {
    public static final String NAME = "ic-sudo-test";
    private static final Path SUDOERS = Path.of("/etc/sudoers.d/" + NAME);

    private SudoTestUser() {
    }

    /** Creates the user if missing, gives it a fresh random password, and returns that password. */
    public static String prepare() throws Exception {
        String missing = !Files.isExecutable(Path.of("/usr/bin/sudo")) ? "sudo is not installed: apt-get install sudo"
                : !"root".equals(System.getProperty("user.name")) ? "creating the sudo test user needs root" : null;
        if (missing != null) {
            Assumptions.assumeFalse(Boolean.getBoolean("openssh.optional"), missing);
            throw new IllegalStateException(missing + " (or run with -Dopenssh.optional=true to skip these tests)");
        }
        if (new ProcessBuilder("id", NAME).start().waitFor() != 0) {
            TestKeys.run(List.of("useradd", "--create-home", "--shell", "/bin/bash", NAME));
        }
        byte[] random = new byte[9];
        new SecureRandom().nextBytes(random);
        String password = "Pw-" + HexFormat.of().formatHex(random);
        Process chpasswd = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
        chpasswd.getOutputStream().write((NAME + ":" + password + "\n").getBytes());
        chpasswd.getOutputStream().close();
        if (chpasswd.waitFor() != 0) {
            throw new IllegalStateException("chpasswd failed: " + new String(chpasswd.getInputStream().readAllBytes()));
        }
        Files.writeString(SUDOERS, NAME + " ALL=(ALL) ALL\nDefaults:" + NAME + " timestamp_timeout=0\n");
        Files.setPosixFilePermissions(SUDOERS, PosixFilePermissions.fromString("r--r-----"));
        return password;
    }

    /** Lets the user's sshd session read the fixture's authorized_keys (sshd reads it as the user). */
    public static void allowLogin(Path serverDir) throws Exception {
        for (Path p = serverDir; p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(p, perms);
        }
        Path keys = serverDir.resolve("authorized_keys");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
